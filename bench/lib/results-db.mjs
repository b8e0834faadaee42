// Read-only looks into the hub's SQLite file: result counts, schedule lag, storage size.
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

function open(file) {
  return new Database(file, { readonly: true, fileMustExist: true });
}

function withDb(file, fn) {
  const db = open(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Rows in check_results right now (the hub may be writing; WAL lets us read beside it). */
export const countResults = (file) =>
  withDb(file, (db) => db.prepare('SELECT COUNT(*) AS n FROM check_results').get().n);

/** Bytes of the database file plus its write-ahead log. */
export function fileBytes(file) {
  const size = (f) => (existsSync(f) ? statSync(f).size : 0);
  return size(file) + size(`${file}-wal`);
}

/**
 * Results whose probe started in [from, to): how many, by status, and the gap between
 * consecutive runs of each check minus the interval (the scheduler's lateness/jitter).
 */
export function windowStats(file, from, to, intervalMs) {
  return withDb(file, (db) => {
    const byStatus = db
      .prepare(
        `SELECT status, COUNT(*) AS n FROM check_results WHERE at >= ? AND at < ? GROUP BY status`,
      )
      .all(from, to);
    const failures = db
      .prepare(
        `SELECT message, COUNT(*) AS n FROM check_results WHERE at >= ? AND at < ? AND status <> 0
         GROUP BY message ORDER BY n DESC LIMIT 5`,
      )
      .all(from, to);
    const gaps = db
      .prepare(
        `SELECT at - LAG(at) OVER (PARTITION BY check_id ORDER BY at) AS gap
         FROM check_results WHERE at >= ? AND at < ?`,
      )
      .pluck()
      .all(from, to)
      .filter((gap) => gap !== null);
    const checksSeen = db
      .prepare(`SELECT COUNT(DISTINCT check_id) AS n FROM check_results WHERE at >= ? AND at < ?`)
      .get(from, to).n;
    return {
      total: byStatus.reduce((sum, row) => sum + row.n, 0),
      byStatus: Object.fromEntries(
        byStatus.map((r) => [['up', 'degraded', 'down'][r.status] ?? r.status, r.n]),
      ),
      failures,
      checksSeen,
      lagMs: gaps.map((gap) => gap - intervalMs),
      skipped: gaps.filter((gap) => gap > 1.5 * intervalMs).length,
    };
  });
}

/** Every table's and index's bytes (dbstat), and the whole file's (page count × size). */
function wholeDatabase(db) {
  const fileBytes =
    db.pragma('page_count', { simple: true }) * db.pragma('page_size', { simple: true });
  try {
    const byObject = db
      .prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
      .all();
    return { fileBytes, byObject };
  } catch {
    return { fileBytes, byObject: null };
  }
}

/**
 * Bytes check_results and its indexes take, from SQLite's dbstat table when it is compiled
 * in; null otherwise (the caller falls back to file growth).
 */
export function resultStorage(file) {
  return withDb(file, (db) => {
    const rows = db.prepare('SELECT COUNT(*) AS n FROM check_results').get().n;
    const objects = [
      'check_results',
      ...db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'check_results'`,
        )
        .pluck()
        .all(),
    ];
    let bytes = null;
    try {
      const marks = objects.map(() => '?').join(', ');
      bytes = db
        .prepare(`SELECT SUM(pgsize) FROM dbstat WHERE name IN (${marks})`)
        .pluck()
        .get(...objects);
    } catch {
      // no dbstat in this SQLite build
    }
    return { rows, objects, bytes, ...wholeDatabase(db) };
  });
}
