import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { createDatabase } from './database.ts';

/** `npm run migrate` (from the repository root): applies pending migrations and says which. */
if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig();
const database = await createDatabase(config);
try {
  const applied = await database.migrate();
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await database.close();
}
