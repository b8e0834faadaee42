import type { FastifyBaseLogger } from 'fastify';
import type { ResultRow } from '../../db/schema.ts';

interface Options {
  insert: (rows: ResultRow[]) => Promise<void>;
  logger: FastifyBaseLogger;
  /** Flush at least this often… */
  intervalMs?: number;
  /** …or as soon as this many results wait. */
  maxBatch?: number;
  /** If the database stays away, the oldest results beyond this are dropped, not hoarded. */
  maxPending?: number;
}

/** Appends results to a batch written in one transaction, off the probe's path. */
export function createResultWriter(options: Options) {
  const { insert, logger, intervalMs = 1000, maxBatch = 500, maxPending = 100_000 } = options;
  let pending: ResultRow[] = [];
  let flushing: Promise<void> | null = null;
  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();

  async function writeOnce(): Promise<void> {
    const batch = pending;
    pending = [];
    try {
      await insert(batch);
    } catch (error) {
      pending = batch.concat(pending);
      if (pending.length > maxPending) pending = pending.slice(pending.length - maxPending);
      logger.error(
        { err: error, pending: pending.length },
        'writing check results failed; will retry',
      );
    }
  }

  function flush(): Promise<void> {
    if (flushing) return flushing;
    if (pending.length === 0) return Promise.resolve();
    flushing = writeOnce().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  return {
    add(row: ResultRow): void {
      pending.push(row);
      if (pending.length >= maxBatch) void flush();
    },
    flush,
    get pending() {
      return pending.length;
    },
    async close(): Promise<void> {
      clearInterval(timer);
      await flush();
      if (pending.length) await flush();
    },
  };
}

export type ResultWriter = ReturnType<typeof createResultWriter>;
