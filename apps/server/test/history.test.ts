import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, eventually, startTestHub, type TestHub } from './harness.ts';
import { startHttpTarget } from './targets.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe.each(backends())('history, results, push and settings on %s', (backend) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(backend);
  });
  afterAll(() => t?.close());

  async function pushCheck(config: Record<string, unknown> = {}, intervalSeconds = 86_400) {
    const service = (await t.api('POST', '/api/v1/services', { name: `S${Math.random()}` })).body;
    const res = await t.api('POST', '/api/v1/checks', {
      serviceId: service.id,
      name: 'nightly backup',
      type: 'push',
      intervalSeconds,
      config,
    });
    expect(res.status).toBe(201);
    await eventually(() => t.hub.tracker.statusOf(res.body.id) !== undefined, 3_000, 'tracking');
    return { serviceId: service.id as number, check: res.body };
  }

  it('serves a range from its rollup tier, with uptime, and the raw results by page', async () => {
    const { serviceId, check } = await pushCheck();
    const now = Date.now();
    // 2 h ago: three up in one minute; 90 min ago: one down; 3 days ago: one up.
    const minuteTwoHoursAgo = Math.floor((now - 2 * HOUR) / MINUTE) * MINUTE + 10_000;
    const record = (at: number, status: 'up' | 'down', latencyMs: number | null) =>
      t.hub.tracker.record(check.id, { status, latencyMs, message: status }, at);
    record(now - 3 * DAY, 'up', 30);
    record(minuteTwoHoursAgo, 'up', 10);
    record(minuteTwoHoursAgo + 1_000, 'up', 20);
    record(minuteTwoHoursAgo + 2_000, 'up', 600);
    record(now - 90 * MINUTE, 'down', null);

    const day = await eventually(
      async () => {
        const res = await t.api('GET', `/api/v1/checks/${check.id}/history?range=24h`);
        return res.body.buckets?.length === 2 && res.body;
      },
      8_000,
      'the rollups to be written',
    );
    expect(day).toMatchObject({ range: '24h', bucketSeconds: 60, uptime: 75 });
    expect(day.buckets[0]).toMatchObject({
      count: 3,
      up: 3,
      down: 0,
      latencyMin: 10,
      latencyMax: 600,
    });
    expect(day.buckets[0].latencyAvg).toBe(210);
    expect(day.buckets[0].latencyP95).toBeGreaterThan(350);
    expect(day.buckets[0].latencyP95).toBeLessThanOrEqual(600);
    expect(day.buckets[1]).toMatchObject({ count: 1, down: 1, latencyAvg: null });

    const week = (await t.api('GET', `/api/v1/checks/${check.id}/history?range=7d`)).body;
    expect(week.bucketSeconds).toBe(3600);
    expect(week.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(5);
    expect(week.uptime).toBe(80);
    const year = (await t.api('GET', `/api/v1/checks/${check.id}/history?range=1y`)).body;
    expect(year.bucketSeconds).toBe(86_400);

    const bad = await t.api('GET', `/api/v1/checks/${check.id}/history?range=2w`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('range');
    expect((await t.api('GET', '/api/v1/checks/999999/history')).status).toBe(404);

    // Raw results: newest first, two per page, the cursor walks back in time.
    const first = (await t.api('GET', `/api/v1/checks/${check.id}/results?limit=2`)).body;
    expect(first.results.map((r: { status: string }) => r.status)).toEqual(['down', 'up']);
    expect(first.next).toMatch(/cursor=/);
    const second = (await t.api('GET', new URL(first.next).pathname + new URL(first.next).search))
      .body;
    expect(second.results).toHaveLength(2);
    expect(Date.parse(second.results[0].at)).toBeLessThan(Date.parse(first.results[1].at));
    const since = new Date(now - 5 * HOUR).toISOString();
    const until = new Date(now - 100 * MINUTE).toISOString();
    const window = await t.api(
      'GET',
      `/api/v1/checks/${check.id}/results?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`,
    );
    expect(window.body.results).toHaveLength(3);
    const badCursor = await t.api('GET', `/api/v1/checks/${check.id}/results?cursor=nope`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.fields).toHaveProperty('cursor');

    // The service carries uptime per window, summed from the rollups.
    const service = (await t.api('GET', `/api/v1/services/${serviceId}`)).body;
    expect(service.uptime).toEqual({ '24h': 75, '7d': 80, '30d': 80 });
    const listed = (await t.api('GET', '/api/v1/services?limit=500')).body.results.find(
      (s: { id: number }) => s.id === serviceId,
    );
    expect(listed.uptime['24h']).toBe(75);
    // Lists stay light: checks without configs, bar results without messages; the service
    // itself has both.
    expect(listed.checks[0]).toEqual({
      id: check.id,
      serviceId,
      name: 'nightly backup',
      type: 'push',
      enabled: true,
      status: expect.any(String),
    });
    expect(listed.recentResults.length).toBeGreaterThan(0);
    expect(listed.recentResults[0]).not.toHaveProperty('message');
    expect(service.checks[0]).toHaveProperty('config');
    expect(service.recentResults[0]).toHaveProperty('message');
  });

  it('keeps writing when a check is deleted while its results wait for the batch', async () => {
    const gone = await pushCheck();
    const kept = await pushCheck();
    const now = Date.now();
    // Both results wait in the same batch; one check is gone by the time it is written.
    t.hub.tracker.record(gone.check.id, { status: 'up', latencyMs: 5, message: 'ok' }, now);
    t.hub.tracker.record(kept.check.id, { status: 'up', latencyMs: 7, message: 'ok' }, now);
    expect((await t.api('DELETE', `/api/v1/checks/${gone.check.id}`)).status).toBe(204);
    const results = await eventually(
      async () => {
        const res = await t.api('GET', `/api/v1/checks/${kept.check.id}/results`);
        return res.body.results?.length === 1 && res.body.results;
      },
      5_000,
      'the other check’s result to be written',
    );
    expect(results[0]).toMatchObject({ status: 'up', latencyMs: 7 });
    // And the batches after it are written too.
    t.hub.tracker.record(kept.check.id, { status: 'down', latencyMs: null, message: 'x' }, now + 1);
    await eventually(
      async () =>
        (await t.api('GET', `/api/v1/checks/${kept.check.id}/results`)).body.results.length === 2,
      5_000,
      'the next batch',
    );
  });

  it('drops raw results past their retention and keeps the rollups', async () => {
    const { check } = await pushCheck();
    const old = Date.now() - 10 * DAY;
    t.hub.tracker.record(check.id, { status: 'up', latencyMs: 5, message: 'old' }, old);
    t.hub.tracker.record(check.id, { status: 'up', latencyMs: 5, message: 'new' });
    await eventually(
      async () =>
        (await t.api('GET', `/api/v1/checks/${check.id}/results`)).body.results.length === 2,
      8_000,
      'results to be written',
    );
    const deleted = await t.hub.retention.runOnce();
    expect(deleted.raw).toBeGreaterThanOrEqual(1);
    const left = (await t.api('GET', `/api/v1/checks/${check.id}/results`)).body.results;
    expect(left.map((r: { message: string }) => r.message)).toEqual(['new']);
    const year = (await t.api('GET', `/api/v1/checks/${check.id}/history?range=1y`)).body;
    expect(year.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(2);
  });

  it('hears a job through its push URL: success, start to finish, failure and exit codes', async () => {
    const { check } = await pushCheck();
    expect(check.pushUrl).toMatch(/^\/api\/v1\/push\/[A-Za-z0-9_-]{24}\/$/);
    const push = (suffix = '', method = 'GET', body?: string) =>
      t.hub.app.inject({
        method: method as 'GET',
        url: `${check.pushUrl}${suffix}`,
        ...(body ? { payload: body, headers: { 'content-type': 'text/plain' } } : {}),
      });
    const status = () => t.hub.tracker.statusOf(check.id);

    expect((await push()).statusCode).toBe(200); // no token needed: the URL is the secret
    expect(status()).toBe('up');
    expect((await push('fail?msg=disk%20full')).statusCode).toBe(200);
    expect(status()).toBe('down');
    await push('start');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await push('0', 'POST', 'backup: 3.2 GB');
    expect(status()).toBe('up');
    await push('3');
    expect(status()).toBe('down');

    const results = await eventually(
      async () => {
        const res = await t.api('GET', `/api/v1/checks/${check.id}/results`);
        return res.body.results.length === 4 && res.body.results;
      },
      8_000,
      'push results',
    );
    expect(results.map((r: { message: string }) => r.message)).toEqual([
      'Exited with code 3',
      'backup: 3.2 GB',
      'disk full',
      'Called in',
    ]);
    // start → finish gives the job's run time as the result's latency.
    expect(results[1].latencyMs).toBeGreaterThanOrEqual(30);

    expect(
      (await t.hub.app.inject({ url: '/api/v1/push/unknown-token-0123456789/' })).statusCode,
    ).toBe(404);
    const bad = await t.hub.app.inject({ url: `${check.pushUrl}maybe` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: Record<string, string> }>().fields).toHaveProperty('signal');
    // Running a push check by hand has nothing to run while no call is overdue.
    const run = await t.api('POST', '/api/v1/checks/run', { checkId: check.id });
    expect(run.status).toBe(400);
  });

  it('turns a push check down when no call comes within interval and grace', async () => {
    const { check } = await pushCheck({ graceSeconds: 0 }, 1);
    await eventually(() => t.hub.tracker.statusOf(check.id) === 'down', 5_000, 'the silence');
    const [result] = await eventually(
      async () => {
        const { results } = (await t.api('GET', `/api/v1/checks/${check.id}/results`)).body;
        return results.length > 0 && (results as { message: string }[]);
      },
      3_000,
      'the down result',
    );
    expect(result!.message).toMatch(/^No call since .*; one was due at /);
  });

  it('validates a cron schedule and its time zone, naming each field', async () => {
    const service = (await t.api('POST', '/api/v1/services', { name: 'Cron' })).body;
    const create = (config: Record<string, unknown>) =>
      t.api('POST', '/api/v1/checks', { serviceId: service.id, name: 'c', type: 'push', config });
    const tz = await create({ cron: '0 3 * * *', timezone: 'Mars/Olympus' });
    expect(tz.status).toBe(400);
    expect(tz.body.fields).toHaveProperty(['config.timezone']);
    const cron = await create({ cron: '0 25 * * *' });
    expect(cron.status).toBe(400);
    expect(cron.body.fields).toHaveProperty(['config.cron']);
    const ok = await create({ cron: '0 3 * * *', timezone: 'Europe/Berlin', graceSeconds: 600 });
    expect(ok.status).toBe(201);
  });

  it('keeps secrets write-only: never answered, kept when a patch leaves them out', async () => {
    let authorization: string | undefined;
    const target = await startHttpTarget((req) => {
      authorization = req.headers.authorization;
      return false;
    });
    try {
      const service = (await t.api('POST', '/api/v1/services', { name: 'Secret' })).body;
      const created = await t.api('POST', '/api/v1/checks', {
        serviceId: service.id,
        name: 'private',
        type: 'http',
        config: { url: target.url, auth: 'basic', username: 'amy', password: 's3cret!' },
      });
      expect(created.status).toBe(201);
      expect(created.body.config).not.toHaveProperty('password');
      expect(
        JSON.stringify((await t.api('GET', `/api/v1/checks/${created.body.id}`)).body),
      ).not.toContain('s3cret');

      const patched = await t.api('PATCH', `/api/v1/checks/${created.body.id}`, {
        config: { url: `${target.url}/after`, auth: 'basic', username: 'amy' },
      });
      expect(patched.status).toBe(200);
      await t.api('POST', '/api/v1/checks/run', { checkId: created.body.id });
      const expected = `Basic ${Buffer.from('amy:s3cret!').toString('base64')}`;
      expect(authorization).toBe(expected);
    } finally {
      await target.stop();
    }
  });

  it('lets an admin set retention and flapping, with a disk estimate that follows', async () => {
    const before = await t.api('GET', '/api/v1/settings');
    expect(before.status).toBe(200);
    expect(before.body.retention).toMatchObject({
      rawDays: 7,
      minuteDays: 30,
      hourDays: 365,
      dayDays: 365,
    });
    const raw = (s: { storage: { tiers: { tier: string; bytes: number }[] } }) =>
      s.storage.tiers.find((tier) => tier.tier === 'raw')!.bytes;
    const after = await t.api('PATCH', '/api/v1/settings', { retention: { rawDays: 14 } });
    expect(after.status).toBe(200);
    expect(after.body.retention.rawDays).toBe(14);
    expect(raw(after.body)).toBeCloseTo(raw(before.body) * 2, -2);
    expect((await t.api('GET', '/api/v1/settings')).body.retention.rawDays).toBe(14);

    const bad = await t.api('PATCH', '/api/v1/settings', {
      retention: { rawDays: 0, hourDays: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual([
      'retention.hourDays',
      'retention.rawDays',
    ]);
    expect((await t.api('GET', '/api/v1/settings')).body.retention.rawDays).toBe(14);
    expect((await t.api('GET', '/api/v1/settings', undefined, null)).status).toBe(401);
  });
});
