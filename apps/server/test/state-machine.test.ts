import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, eventually, startTestHub, type TestHub } from './harness.ts';
import type { Observation } from '../src/modules/checks/check.types.ts';
import { buildHub } from '../src/app.ts';

const up: Observation = { status: 'up', latencyMs: 12, message: 'HTTP 200 OK' };
const down: Observation = { status: 'down', latencyMs: null, message: 'ECONNREFUSED' };
const slow: Observation = { status: 'degraded', latencyMs: 900, message: 'HTTP 200 OK in 900 ms' };

interface StoredEvent {
  checkId: number;
  fromStatus: string;
  toStatus: string;
  message: string;
  data: { result: { status: string; message: string } } | null;
}

/**
 * The state machine driven with observations directly, on a real hub and database: a push
 * check with a long interval is never probed, so every result here is one the test made.
 */
describe.each(backends())('the check state machine on %s', (backend) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(backend);
  });
  afterAll(() => t?.close());

  async function quietCheck(retries = 0) {
    const service = (await t.api('POST', '/api/v1/services', { name: `S${Math.random()}` })).body;
    const check = (
      await t.api('POST', '/api/v1/checks', {
        serviceId: service.id,
        name: 'job',
        type: 'push',
        intervalSeconds: 86_400,
        retries,
        config: {},
      })
    ).body;
    await eventually(() => t.hub.tracker.statusOf(check.id) !== undefined, 3_000, 'tracking');
    return { serviceId: service.id as number, checkId: check.id as number };
  }

  async function eventsOf(serviceId: number): Promise<StoredEvent[]> {
    await t.hub.tracker.settled();
    const res = await t.api('GET', `/api/v1/events?serviceId=${serviceId}&limit=100`);
    return (res.body.results as StoredEvent[]).reverse();
  }

  const feed = (checkId: number, ...observations: Observation[]) => {
    for (const o of observations) t.hub.tracker.record(checkId, o);
  };

  it('turns down only after `retries` more failures in a row, and up after one success', async () => {
    const { serviceId, checkId } = await quietCheck(2);
    feed(checkId, up, down, down);
    expect(t.hub.tracker.statusOf(checkId)).toBe('up');
    feed(checkId, down);
    expect(t.hub.tracker.statusOf(checkId)).toBe('down');
    feed(checkId, up);
    expect(t.hub.tracker.statusOf(checkId)).toBe('up');

    const events = await eventsOf(serviceId);
    expect(events.map((e) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
      'pending→up',
      'up→down',
      'down→up',
    ]);
    // Each transition is one event that carries the result which caused it.
    expect(events[1]!.message).toBe('job: ECONNREFUSED (failed 3 times in a row)');
    expect(events[1]!.data?.result).toMatchObject({ status: 'down', message: 'ECONNREFUSED' });
    expect(events[2]!.data?.result).toMatchObject({ status: 'up', message: 'HTTP 200 OK' });
  });

  it('turns down at the first failure with no retries, and keeps degraded as its own state', async () => {
    const { serviceId, checkId } = await quietCheck(0);
    feed(checkId, up, slow, down, slow);
    const events = await eventsOf(serviceId);
    expect(events.map((e) => e.toStatus)).toEqual(['up', 'degraded', 'down', 'degraded']);
    const service = (await t.api('GET', `/api/v1/services/${serviceId}`)).body;
    expect(service.status).toBe('degraded');
  });

  it('keeps its count of failures across a restart', async () => {
    const { checkId } = await quietCheck(2);
    feed(checkId, up, down, down);
    await t.hub.tracker.settled();
    // A second hub on the same database knows nothing in memory: it resumes from storage.
    const restarted = await buildHub({ config: t.config, database: t.database });
    await restarted.tracker.load();
    expect(restarted.tracker.statusOf(checkId)).toBe('up');
    restarted.tracker.record(checkId, down);
    expect(restarted.tracker.statusOf(checkId)).toBe('down');
    await restarted.tracker.settled();
    await restarted.app.close();
  });

  it('folds a check that keeps changing into one flapping status, then settles', async () => {
    const settings = await t.api('PATCH', '/api/v1/settings', {
      flapping: { threshold: 3, windowMinutes: 10 },
    });
    expect(settings.status).toBe(200);
    const { serviceId, checkId } = await quietCheck(0);
    const start = Date.now();
    const at = (minute: number) => start + minute * 60_000;
    // up, then four changes in four minutes: the fourth crosses the threshold of three.
    const sequence = [up, down, up, down, up, down, up, down];
    sequence.forEach((o, i) => t.hub.tracker.record(checkId, o, at(i)));
    expect(t.hub.tracker.statusOf(checkId)).toBe('flapping');
    const events = await eventsOf(serviceId);
    expect(events.map((e) => e.toStatus)).toEqual(['up', 'down', 'up', 'down', 'flapping']);
    expect(events.at(-1)!.message).toMatch(/Changed state 4 times in 10 min/);
    expect((await t.api('GET', `/api/v1/services/${serviceId}`)).body.status).toBe('flapping');

    // Quiet for a whole window: the changes age out and the check shows what it is.
    t.hub.tracker.record(checkId, down, at(20));
    expect(t.hub.tracker.statusOf(checkId)).toBe('down');
    const after = await eventsOf(serviceId);
    expect(after.map((e) => e.toStatus).slice(-2)).toEqual(['flapping', 'down']);
    await t.api('PATCH', '/api/v1/settings', { flapping: { threshold: 5, windowMinutes: 10 } });
  });

  it('shows a disabled check as paused, and it no longer counts for its service', async () => {
    const { serviceId, checkId } = await quietCheck(0);
    feed(checkId, down);
    await t.api('PATCH', `/api/v1/checks/${checkId}`, { enabled: false });
    await eventually(
      async () => (await t.api('GET', `/api/v1/services/${serviceId}`)).body.status === 'pending',
      3_000,
      'the paused check to stop counting',
    );
    feed(checkId, down);
    expect(t.hub.tracker.statusOf(checkId)).toBe('paused');
  });
});
