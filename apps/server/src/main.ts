import type { FastifyBaseLogger } from 'fastify';
import { existsSync } from 'node:fs';
import { buildHub } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createDatabase } from './db/database.ts';

function readConfig(): Config {
  // A .env beside where the hub starts fills in what the environment leaves unset.
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    process.exit(1);
  }
}

/** The address people open: a wildcard bind is reachable as localhost from this machine. */
function publicUrl(config: Config): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${config.port}`;
}

async function main(): Promise<void> {
  const config = readConfig();
  let hubLog: FastifyBaseLogger | undefined;
  const database = await createDatabase(config, (error) =>
    hubLog?.warn({ err: error }, 'a database connection was lost; a new one is made on next use'),
  );
  const applied = await database.migrate();
  const hub = await buildHub({ config, database });
  const log = (hubLog = hub.app.log);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');

  const { setupToken, created } = await hub.auth.bootstrap(config.admin);
  if (created) log.info({ email: config.admin?.email }, 'admin account created from ADMIN_EMAIL');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await hub.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await hub.app.listen({ port: config.port, host: config.host });
  await hub.start();
  const url = publicUrl(config);
  log.info({ url, database: database.dialect }, 'Home Hub Monitor is running');
  if (setupToken) {
    // Printed plainly (not as JSON) so the person starting the hub sees and can click it.
    process.stdout.write(
      `\n  No account yet. Create the first admin here (the link works once):\n\n` +
        `    ${url}/setup?token=${setupToken}\n\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Home Hub Monitor failed to start: ${String(error instanceof Error ? error.stack : error)}\n`,
  );
  process.exit(1);
});
