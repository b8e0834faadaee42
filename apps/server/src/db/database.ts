import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type BetterSqlite from 'better-sqlite3';
import type { Config } from '../config.ts';
import type { DialectName } from './dialect.ts';
import { migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: DialectName;
  migrate(): Promise<string[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens SQLite in DATA_DIR, or PostgreSQL when DATABASE_URL is set. Nothing connects at import. */
export async function createDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  /** Told when PostgreSQL drops an idle connection (a restart); the pool makes a new one. */
  onConnectionLost: (error: Error) => void = () => {},
): Promise<Database> {
  const dialectName: DialectName = config.databaseUrl ? 'postgres' : 'sqlite';
  const dialect = config.databaseUrl
    ? await postgresDialect(config.databaseUrl, onConnectionLost)
    : await sqliteDialect(config.dataDir);
  const db = new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin()] });

  return {
    db,
    dialect: dialectName,
    async migrate() {
      // Migrations name columns in snake_case themselves: no camel-case mapping there.
      const migrator = new Migrator({
        db: db.withoutPlugins(),
        provider: { getMigrations: () => Promise.resolve(migrations) },
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error)
        throw error instanceof Error ? error : new Error('migration failed', { cause: error });
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    },
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}

async function sqliteDialect(dataDir: string) {
  const { default: SQLite } = await import('better-sqlite3');
  mkdirSync(dataDir, { recursive: true });
  const database = new SQLite(path.join(dataDir, 'homehub.db'));
  // WAL lets readers run while the result batch writes; NORMAL is durable at checkpoints
  // and is the usual pairing with WAL.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: withStatementCache(database) });
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs more than running an indexed
 * seek. Short statements (the reads and single-row writes that repeat) are kept by their
 * SQL text, the most recent hundred, and reused; a batch insert's long text varies with
 * its size and is not worth the memory. Kysely runs one query at a time on this
 * connection, so a statement is never shared by two queries at once.
 */
function withStatementCache(database: BetterSqlite.Database, size = 100, longest = 2_000) {
  const statements = new Map<string, BetterSqlite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): BetterSqlite.Statement {
      if (sql.length > longest) return database.prepare(sql);
      let statement = statements.get(sql);
      if (statement) {
        // Most recently used last, so the first key is the one to evict.
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

async function postgresDialect(connectionString: string, onConnectionLost: (error: Error) => void) {
  const pg = await import('pg');
  const { Pool, types } = pg.default;
  // int8 (our epoch-millisecond timestamps, counts) would arrive as strings otherwise;
  // every value we store fits in a double exactly.
  const INT8 = 20;
  const parsers = {
    getTypeParser: (oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
      oid === INT8
        ? (v: string) => Number(v)
        : (types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown),
  };
  const pool = new Pool({ connectionString, max: 10, types: parsers });
  // An idle client's error (the server restarted or ended it) is emitted on the pool, and
  // with no listener it would end the process; queries in flight report their own errors.
  pool.on('error', onConnectionLost);
  return new PostgresDialect({ pool });
}
