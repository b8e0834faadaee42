// Starting the built hub for a benchmark: build if missing, run it on a free port with a
// clean environment, wait until it is ready.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isReady } from './hub-api.mjs';
import { freePort, spawnNode, waitUntil } from './procs.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const HUB = path.join(ROOT, 'apps/server/dist/main.js');

/** Runs `npm run build` once if apps/server/dist/main.js is missing, and says so. */
export function ensureBuilt() {
  if (existsSync(HUB)) return;
  console.log(`${path.relative(ROOT, HUB)} is missing: running \`npm run build\` once…`);
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/** Which build was measured: the bundle's hash and time (others may rebuild meanwhile). */
export function buildOf() {
  const hash = createHash('sha256').update(readFileSync(HUB)).digest('hex').slice(0, 12);
  return { file: path.relative(ROOT, HUB), sha256: hash, builtAt: statSync(HUB).mtime };
}

/** The node flags `npm start` gives the hub: the benchmark measures what users run. */
export function startFlags() {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const match = /\bnode((?:\s+--\S+)*)\s+apps\/server\/dist\/main\.js/.exec(scripts.start);
  return match ? match[1].split(/\s+/).filter(Boolean) : [];
}

/**
 * Starts the hub on a free port and waits until it is ready. Every line it prints goes to
 * `log`. Optional: `concurrency` (CHECK_CONCURRENCY), `nodeArgs` (flags for node).
 */
export async function startHub({ workDir, dataDir, credentials, concurrency, nodeArgs = [], log }) {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_EMAIL: credentials.email,
    ADMIN_PASSWORD: credentials.password,
    LOG_LEVEL: 'warn',
    ...(concurrency ? { CHECK_CONCURRENCY: concurrency } : {}),
  };
  // cwd is the temp dir, so a developer's .env in the repo cannot change the settings.
  const child = spawnNode(HUB, [], {
    cwd: workDir,
    env,
    nodeArgs: [...startFlags(), ...nodeArgs],
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => log.push(...text.split('\n').filter(Boolean)));
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise((_, reject) =>
    child.once('exit', (code) => reject(new Error(`hub exited (${code}):\n${log.join('\n')}`))),
  );
  await Promise.race([waitUntil(() => isReady(baseUrl), 60_000, 'the hub to be ready'), exited]);
  return { child, baseUrl };
}
