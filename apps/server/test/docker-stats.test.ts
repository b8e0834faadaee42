import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsPoint } from '@homehub/contracts';
import type { StatsRow } from '../src/db/schema.ts';
import { createContainerRepository } from '../src/modules/docker/container.repository.ts';
import { backends, startTestHub, type TestHub } from './harness.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Container stats are rolled up as they land, like check results, and each chart reads the
 * tier made for it. Samples are written through the repository the sampler uses (no engine
 * is needed to produce numbers), and read back through the API.
 */
describe.each(backends())('container stats rollups on %s', (backend) => {
  let t: TestHub;
  let repository: ReturnType<typeof createContainerRepository>;
  let ref: number;
  let serviceId: number;

  beforeAll(async () => {
    t = await startTestHub(backend);
    const db = t.database.db;
    repository = createContainerRepository(db);
    const now = Date.now();
    const engine = await db
      .insertInto('dockerEngines')
      .values({
        name: 'Stats',
        url: 'tcp://127.0.0.1:9',
        local: 0,
        state: 'unreachable',
        stateSince: now,
        version: null,
        lastError: null,
        lastEventTime: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    serviceId = (await t.api('POST', '/api/v1/services', { name: 'Stats app' })).body.id;
    const container = await repository.insert({
      engineId: engine.id,
      name: 'stats-app',
      containerId: 'c0ffee',
      serviceId,
      image: 'app:1',
      imageId: 'sha256:1',
      groupName: null,
      state: 'running',
      health: null,
      startedAt: now,
      restartCount: 0,
      checks: '{}',
      labelsHash: 'x',
      goneAt: null,
      previousImage: null,
      updatedImageAt: null,
      createdAt: now,
      updatedAt: now,
    });
    ref = container.id;
  });
  afterAll(() => t?.close());

  const sample = (at: number, cpuPercent: number, memoryBytes: number): StatsRow => ({
    containerRef: ref,
    at,
    cpuPercent,
    memoryBytes,
    memoryLimitBytes: 1000,
    netRxBytes: at / 1000,
    netTxBytes: 1,
    blockReadBytes: 2,
    blockWriteBytes: 3,
  });
  const stats = async (range: string) => {
    const res = await t.api('GET', `/api/v1/containers/${ref}/stats?range=${range}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { bucketSeconds: number; points: StatsPoint[] };
  };
  const pointAt = (points: StatsPoint[], at: number) => points.find((p) => Date.parse(p.at) === at);

  it('keeps averages and peaks per bucket, merged round by round, each chart from its tier', async () => {
    const now = Date.now();
    // Two hours back, on the hour: two 5-minute buckets in the same hour.
    const t0 = Math.floor((now - 2 * HOUR) / HOUR) * HOUR;
    // One round per sample, as the sampler writes them: each merges into the stored bucket.
    for (const [offset, cpu, memory] of [
      [0, 10, 100],
      [15_000, 20, 200],
      [30_000, 60, 300],
      [5 * MINUTE, 40, 400],
    ] as const) {
      await repository.insertStats([sample(t0 + offset, cpu, memory)]);
    }
    // The same sample twice is stored, and counted, once.
    await repository.insertStats([sample(t0, 10, 100)]);
    const recent = now - 10_000;
    await repository.insertStats([sample(recent, 5, 50)]);

    const hour = await stats('1h');
    expect(hour.bucketSeconds).toBe(0);
    expect(hour.points).toHaveLength(1);
    expect(hour.points[0]).toMatchObject({ cpuPercent: 5, cpuMaxPercent: 5, memoryMaxBytes: 50 });

    const day = await stats('24h');
    expect(day.bucketSeconds).toBe(300);
    expect(pointAt(day.points, t0)).toMatchObject({
      cpuPercent: 30,
      cpuMaxPercent: 60,
      memoryBytes: 200,
      memoryMaxBytes: 300,
      memoryLimitBytes: 1000,
      // The last counter of the bucket, not the first.
      netRxBytes: (t0 + 30_000) / 1000,
    });
    expect(pointAt(day.points, t0 + 5 * MINUTE)).toMatchObject({
      cpuPercent: 40,
      cpuMaxPercent: 40,
    });

    const week = await stats('7d');
    expect(week.bucketSeconds).toBe(3600);
    expect(pointAt(week.points, t0)).toMatchObject({
      cpuPercent: 32.5,
      cpuMaxPercent: 60,
      memoryBytes: 250,
      memoryMaxBytes: 400,
    });

    // The quarter merges hourly buckets into 6-hour ones, weighted by their samples.
    const quarter = await stats('90d');
    expect(quarter.bucketSeconds).toBe(6 * 3600);
    const sixHours = Math.floor(t0 / (6 * HOUR)) * 6 * HOUR;
    const withRecent = Math.floor(recent / (6 * HOUR)) * 6 * HOUR === sixHours;
    expect(pointAt(quarter.points, sixHours)).toMatchObject(
      withRecent
        ? { cpuPercent: 27, cpuMaxPercent: 60, memoryBytes: 210 }
        : { cpuPercent: 32.5, cpuMaxPercent: 60, memoryBytes: 250 },
    );
    expect((await stats('30d')).bucketSeconds).toBe(2 * 3600);
    const bad = await t.api('GET', `/api/v1/containers/${ref}/stats?range=1y`);
    expect(bad.status).toBe(400);
  });

  it('keeps each form as long as its charts need it, and forgets a deleted service’s', async () => {
    const now = Date.now();
    const count = async (table: 'dockerStats' | 'dockerStatsFiveMinute' | 'dockerStatsHourly') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .where('containerRef', '=', ref)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('dockerStats')).toBeGreaterThan(0);
    const inThreeDays = await t.hub.docker.sweepStats(now + 3 * DAY);
    expect(inThreeDays.raw).toBeGreaterThan(0);
    expect(await count('dockerStats')).toBe(0);
    expect(await count('dockerStatsFiveMinute')).toBeGreaterThan(0);
    await t.hub.docker.sweepStats(now + 20 * DAY);
    expect(await count('dockerStatsFiveMinute')).toBe(0);
    expect(await count('dockerStatsHourly')).toBeGreaterThan(0);
    // The quarter still shows what the raw samples and 5-minute buckets no longer hold.
    expect((await stats('90d')).points.length).toBeGreaterThan(0);

    expect((await t.api('DELETE', `/api/v1/services/${serviceId}`)).status).toBe(204);
    expect(await count('dockerStatsHourly')).toBe(0);
  });
});
