import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../src/db/database.ts';
import { backends, openTestDatabase, type TestDatabase } from './harness.ts';
import { createCheckRepository } from '../src/modules/checks/check.repository.ts';
import { createHistoryRepository } from '../src/modules/checks/history.repository.ts';
import { createServiceRepository } from '../src/modules/services/service.repository.ts';
import { createEventRepository } from '../src/modules/events/event.repository.ts';
import { createUserRepository } from '../src/modules/auth/user.repository.ts';
import { isUniqueViolation } from '../src/db/errors.ts';

describe.each(backends())('storage on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(() => t?.dispose());

  const now = Date.now();
  async function seed() {
    const services = createServiceRepository(t.database.db);
    const checks = createCheckRepository(t.database.db);
    const service = await services.insert({
      name: 'Seed',
      description: '',
      status: 'pending',
      statusChangedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const check = await checks.insert({
      serviceId: service.id,
      name: 'home',
      type: 'http',
      intervalSeconds: 60,
      timeoutSeconds: 10,
      enabled: 1,
      config: '{"url":"http://127.0.0.1/"}',
      status: 'pending',
      createdAt: now,
      updatedAt: now,
    });
    const history = createHistoryRepository(t.database.db, t.database.dialect);
    return { services, checks, history, service, check };
  }

  it('migrates once: a second run applies nothing', async () => {
    expect(await t.database.migrate()).toEqual([]);
    expect(await t.database.ping()).toBe(true);
  });

  it('stores a batch of results in one go and reads the newest back first', async () => {
    const { checks, history, check } = await seed();
    const rows = Array.from({ length: 2_500 }, (_, i) => ({
      checkId: check.id,
      at: now + i * 1000,
      status: i % 10 === 0 ? 2 : 0,
      latencyMs: 12.5,
      message: i % 10 === 0 ? 'HTTP 500' : null,
    }));
    await history.writeBatch(rows);
    const recent = await checks.recentResults([check.id], 3);
    expect(recent.map((r) => r.at)).toEqual([now + 2_499_000, now + 2_498_000, now + 2_497_000]);
    expect(recent[0]).toMatchObject({ status: 0, latencyMs: 12.5, message: null });
    // Timestamps beyond 2^31 survive the round trip as numbers on both databases.
    expect(typeof recent[0]!.at).toBe('number');
  });

  it('writes nothing of a batch when one row is bad', async () => {
    const { checks, history, check } = await seed();
    const rows = [
      { checkId: check.id, at: now, status: 0, latencyMs: 1, message: null },
      // NOT NULL is broken on purpose: the first row must not be written without it.
      { checkId: check.id, at: null as unknown as number, status: 0, latencyMs: 1, message: null },
    ];
    const error = await history.writeBatch(rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await checks.recentResults([check.id], 10)).toEqual([]);
    // A row of a check that no longer exists is dropped, not a failure of the others.
    await history.writeBatch([
      { checkId: check.id, at: now, status: 0, latencyMs: 1, message: null },
      { checkId: 987_654_321, at: now, status: 0, latencyMs: 1, message: null },
    ]);
    expect(await checks.recentResults([check.id], 10)).toHaveLength(1);
  });

  it('deletes a service with its checks, results and events', async () => {
    const { services, checks, history, service, check } = await seed();
    await history.writeBatch([
      { checkId: check.id, at: now, status: 0, latencyMs: 1, message: null },
    ]);
    const events = createEventRepository(t.database.db);
    await t.database.db
      .insertInto('events')
      .values({
        type: 'status_changed',
        serviceId: service.id,
        checkId: check.id,
        fromStatus: 'pending',
        toStatus: 'up',
        message: 'up',
        at: now,
      })
      .execute();
    expect((await events.list({ serviceId: service.id, limit: 10 })).length).toBe(1);
    expect(await services.delete(service.id)).toBe(true);
    expect(await checks.findById(check.id)).toBeUndefined();
    expect(await checks.recentResults([check.id], 10)).toEqual([]);
    expect((await events.list({ serviceId: service.id, limit: 10 })).length).toBe(0);
  });

  it('rolls every batch into minute, hour and day buckets that add up to the raw results', async () => {
    const { history, check } = await seed();
    const hour = 3_600_000;
    const start = Math.floor(now / 86_400_000) * 86_400_000 + 5 * hour; // 05:00 UTC today
    const result = (offsetMs: number, status: number, latencyMs: number | null) => ({
      checkId: check.id,
      at: start + offsetMs,
      status,
      latencyMs,
      message: null,
    });
    // Two batches land in the same minute: the second must add to the first, not replace it.
    await history.writeBatch([
      result(1_000, 0, 40),
      result(2_000, 2, null),
      result(61_000, 0, 900),
    ]);
    await history.writeBatch([result(3_000, 1, 10), result(hour + 5_000, 0, 120)]);

    const minutes = await history.buckets(check.id, 'minute', start);
    expect(minutes.map((m) => [m.at - start, m.count, m.up, m.degraded, m.down])).toEqual([
      [0, 3, 1, 1, 1],
      [60_000, 1, 1, 0, 0],
      [hour, 1, 1, 0, 0],
    ]);
    // A result without a latency (refused) leaves min, max and the average alone.
    expect(minutes[0]).toMatchObject({
      latencyCount: 2,
      latencySum: 50,
      latencyMin: 10,
      latencyMax: 40,
    });
    expect(minutes[0]!.bin0 + minutes[0]!.bin2).toBe(2); // 10 ms ≤ 10, 40 ms ≤ 50

    const hours = await history.buckets(check.id, 'hour', start);
    expect(hours.map((h) => [h.at - start, h.count])).toEqual([
      [0, 4],
      [hour, 1],
    ]);
    expect(hours[0]).toMatchObject({ latencyMin: 10, latencyMax: 900 });
    const [day] = await history.buckets(check.id, 'day', start - 5 * hour);
    expect(day).toMatchObject({ count: 5, up: 3, degraded: 1, down: 1, latencyMax: 900 });

    const counts = await history.uptimeCounts([check.serviceId], 'day', start - 5 * hour);
    expect(counts).toEqual([{ serviceId: check.serviceId, count: 5, up: 3, degraded: 1, down: 1 }]);
  });

  it('drops history past a cutoff, one check at a time, and leaves newer rows', async () => {
    const { history, check } = await seed();
    const old = now - 10 * 86_400_000;
    await history.writeBatch([
      { checkId: check.id, at: old, status: 0, latencyMs: 5, message: null },
      { checkId: check.id, at: now, status: 0, latencyMs: 5, message: null },
    ]);
    const cutoff = now - 86_400_000;
    expect(await history.checksWithRowsBefore('raw', cutoff)).toContain(check.id);
    expect(await history.deleteBefore('raw', check.id, cutoff)).toBe(1);
    expect(await history.deleteBefore('minute', check.id, cutoff)).toBe(1);
    expect(await history.checksWithRowsBefore('raw', cutoff)).not.toContain(check.id);
    expect((await history.results({ checkId: check.id, limit: 10 })).map((r) => r.at)).toEqual([
      now,
    ]);
  });

  it('keeps emails unique and creates the first admin only once', async () => {
    const users = createUserRepository(t.database.db);
    const user = {
      email: 'first@example.com',
      name: 'First',
      passwordHash: 'x',
      role: 'admin',
      active: 1,
      createdAt: now,
      updatedAt: now,
    };
    const [a, b] = await Promise.all([
      users.insertFirstUser(user),
      users.insertFirstUser({ ...user, email: 'second@example.com' }),
    ]).catch(async (error: unknown) => {
      // PostgreSQL may serialise the race as an error instead; still only one may exist.
      expect(error).toBeTruthy();
      return [undefined, undefined];
    });
    expect([a, b].filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await users.count()).toBe(1);
    const duplicate = await t.database.db
      .insertInto('users')
      .values({ ...user, email: (await users.findById(1))?.email ?? user.email })
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
  });

  it('answers on the dialect it was opened with', async () => {
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(t.database.db);
    expect(Number(rows[0]?.one)).toBe(1);
    expect(t.database.dialect).toBe(backend);
  });
});

// PostgreSQL only: SQLite has no server to lose.
describe.each(backends().filter((b) => b === 'postgres'))('connections on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(() => t?.dispose());

  it('survives PostgreSQL ending its idle connections, and says so', async () => {
    const lost: Error[] = [];
    const database = await createDatabase(t.config, (error) => lost.push(error));
    try {
      expect(await database.ping()).toBe(true); // a client now idles in the pool
      const admin = new pg.Client({ connectionString: t.config.databaseUrl });
      await admin.connect();
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      await admin.end();
      await expect.poll(() => lost.length, { timeout: 3_000 }).toBeGreaterThan(0);
      expect(await database.ping()).toBe(true); // a new connection, no crash
    } finally {
      await database.close();
    }
  });
});
