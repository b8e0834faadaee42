import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHub } from './app.ts';
import { loadConfig } from './config.ts';
import { createDatabase } from './db/database.ts';

export const OPENAPI_FILE = path.resolve(import.meta.dirname, '../openapi.json');

/** The OpenAPI document as the routes' schemas describe it, from a throwaway hub. */
export async function generateOpenApi(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hh-openapi-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIR: dataDir });
  const database = await createDatabase(config);
  try {
    const hub = await buildHub({ config, database });
    await hub.app.ready();
    const document = JSON.stringify(hub.app.swagger(), null, 2) + '\n';
    await hub.close();
    return document;
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// `npm run openapi` writes the committed copy; a test fails when it drifts.
if (process.argv[1] === import.meta.filename) {
  writeFileSync(OPENAPI_FILE, await generateOpenApi());
  console.log(`Wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}
