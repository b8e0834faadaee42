import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildHub, type Hub } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { createDatabase, type Database } from '../src/db/database.ts';

export type Backend = 'sqlite' | 'postgres';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };

/**
 * SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. In CI a missing
 * PostgreSQL is a failure, not a silent skip.
 */
export function backends(): Backend[] {
  if (process.env.TEST_DATABASE_URL) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error('TEST_DATABASE_URL must be set in CI: storage is tested on PostgreSQL too');
  }
  return ['sqlite'];
}

/** A fresh, empty PostgreSQL database on the test server; dropped by the returned function. */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `hh_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestDatabase {
  database: Database;
  dataDir: string;
  config: Config;
  dispose(): Promise<void>;
}

/** A migrated database of the given kind in its own temporary place. */
export async function openTestDatabase(
  backend: Backend,
  env: Record<string, string> = {},
): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hh-test-'));
  const postgres = backend === 'postgres' ? await freshPostgres() : undefined;
  const webDir = path.join(dataDir, 'web');
  rmSync(webDir, { recursive: true, force: true });
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WEB_DIR: webDir,
    // Only the Docker tests watch the machine's engine (they say so): the others' hubs must
    // not pick up those tests' containers as services of their own.
    ENABLE_DOCKER_EVENTS: 'false',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...env,
  });
  const database = await createDatabase(config);
  await database.migrate();
  return {
    database,
    dataDir,
    config,
    async dispose() {
      await database.close();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface TestHub {
  hub: Hub;
  backend: Backend;
  /** The hub's database and config, to open a second hub on (a restart). */
  database: TestDatabase['database'];
  config: TestDatabase['config'];
  dataDir: string;
  /** An admin's access token. */
  token: string;
  refresh: string;
  api<T = any>(
    method: string,
    url: string,
    body?: unknown,
    token?: string | null,
  ): Promise<ApiResponse<T>>;
  /** Listens on a free loopback port (for WebSockets and browsers) and answers its base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A whole hub on a real database, with an admin signed in. The scheduler runs only when
 * `start` is true, so API tests are not disturbed by probes they did not ask for.
 */
export async function startTestHub(
  backend: Backend,
  {
    start = true,
    env = {},
    dashboard = false,
  }: { start?: boolean; env?: Record<string, string>; dashboard?: boolean } = {},
): Promise<TestHub> {
  const test = await openTestDatabase(backend, env);
  if (dashboard) {
    const webDir = test.config.webDir;
    rmSync(webDir, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(path.join(webDir, 'assets'), { recursive: true }),
    );
    writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><title>Home Hub Monitor</title>',
    );
    writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
  }
  const hub = await buildHub({ config: test.config, database: test.database });
  await hub.auth.bootstrap(ADMIN);
  if (start) await hub.start();

  const api: TestHub['api'] = async (method, url, body, token) => {
    const auth = token === null ? {} : { authorization: `Bearer ${token ?? pair.access}` };
    const response = await hub.app.inject({
      method: method as 'GET',
      url,
      headers: auth,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const text = response.body;
    return {
      status: response.statusCode,
      body:
        text && response.headers['content-type']?.toString().includes('json')
          ? JSON.parse(text)
          : text,
      headers: response.headers,
    };
  };

  const login = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: ADMIN });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const pair = login.json<{ access: string; refresh: string }>();

  let listening: Promise<string> | undefined;
  return {
    hub,
    backend,
    database: test.database,
    config: test.config,
    dataDir: test.dataDir,
    token: pair.access,
    refresh: pair.refresh,
    api,
    listen() {
      listening ??= hub.app.listen({ port: 0, host: '127.0.0.1' });
      return listening;
    },
    async close() {
      await hub.close();
      await test.dispose();
    },
  };
}

/** Polls until `probe` answers something truthy, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<Exclude<NonNullable<T>, false | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as Exclude<NonNullable<T>, false | 0 | ''>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
