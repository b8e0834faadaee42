import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub, type Hub } from '../src/app.ts';
import { backoffMs, DEFAULT_DELIVERY } from '../src/modules/alerts/delivery.worker.ts';
import { ADMIN, backends, eventually, startTestHub, type TestHub } from './harness.ts';
import { DOWN, quietCheck, startReceiver, type HttpReceiver } from './receivers.ts';

const FAST = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1000, timeoutMs: 2000 };

/**
 * Durable delivery: written to the outbox first, retried with backoff, given up on after a
 * limit, and resumed by the next hub when one stops mid-delivery, exactly once as far as
 * the receiver can tell (it drops a repeated idempotency key).
 */
describe.each(backends())('notification delivery on %s', (backend) => {
  let t: TestHub;
  let second: Hub | undefined;

  beforeAll(async () => {
    t = await startTestHub(backend);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  async function setUp(receiverUrl: string, hub = t) {
    const channel = await hub.api('POST', '/api/v1/channels', {
      name: `Hook ${Math.random()}`,
      type: 'webhook',
      config: { url: `${receiverUrl}/hook` },
    });
    const check = await quietCheck(hub);
    const rule = await hub.api('POST', '/api/v1/rules', {
      name: 'Now',
      events: ['down', 'recovered'],
      checkIds: [check.checkId],
      channelIds: [channel.body.id],
      groupWaitSeconds: 0,
      groupIntervalSeconds: 1,
      repeatIntervalSeconds: 0,
    });
    expect(rule.status).toBe(201);
    return check;
  }

  /** Signs in to a hub the harness did not start, and answers its API as JSON. */
  async function signIn(hub: Hub) {
    const login = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: ADMIN,
    });
    const token = login.json<{ access: string }>().access;
    return async (url: string) =>
      (
        await hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
      ).json();
  }

  async function notificationsOf(api: (url: string) => Promise<any>, serviceId: number) {
    const res = { body: await api(`/api/v1/alerts?serviceId=${serviceId}`) };
    return (res.body.results[0]?.notifications ?? []) as {
      status: string;
      idempotencyKey: string;
      attempts: { ok: boolean; error: string | null }[];
    }[];
  }

  it('spaces retries out more and more, with jitter', () => {
    const timings = DEFAULT_DELIVERY;
    expect(backoffMs(1, timings, 0)).toBe(1000);
    expect(backoffMs(1, timings, 1)).toBe(2000);
    expect(backoffMs(3, timings, 1)).toBe(8000);
    expect(backoffMs(30, timings, 1)).toBe(timings.maxDelayMs);
    expect(backoffMs(30, timings, 0)).toBe(timings.maxDelayMs / 2);
  });

  it('resumes a delivery the hub was stopped in the middle of, and it arrives once', async () => {
    const receiver = await startReceiver();
    // The receiver takes the request and never answers: the hub stops while it waits.
    receiver.answer = { status: 200, body: '{}', hang: true };
    const accepted = new Set<string>();
    const check = await setUp(receiver.url);
    t.hub.tracker.record(check.checkId, DOWN);
    const [first] = await receiver.waitFor(1);
    const key = first!.headers['idempotency-key'] as string;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    await t.hub.close();

    // The next hub, on the same database, before it starts: the send is still owed.
    receiver.answer = { status: 200, body: '{}', hang: false };
    second = await buildHub({ config: t.config, database: t.database });
    const api = await signIn(second);
    const [stopped] = await notificationsOf(api, check.serviceId);
    expect(stopped!.status).toBe('pending');
    expect(stopped!.attempts.map((a) => a.error)).toEqual([
      'Interrupted: the hub stopped; the next start sends it',
    ]);

    await second.start();
    const [, again] = await receiver.waitFor(2);
    expect(again!.headers['idempotency-key']).toBe(key);
    expect(again!.raw).toBe(first!.raw);
    for (const request of receiver.requests) {
      accepted.add(request.headers['idempotency-key'] as string);
    }
    expect(accepted.size).toBe(1);
    const after = await eventually(
      async () => {
        const [n] = await notificationsOf(api, check.serviceId);
        return n?.status === 'sent' ? n : null;
      },
      5000,
      'the resumed delivery',
    );
    expect(after.attempts.map((a) => a.ok)).toEqual([false, true]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.requests).toHaveLength(2);
    await receiver.stop();
  });
});

describe.each(backends())('notification retries on %s', (backend) => {
  let t: TestHub;
  let hub: Hub;
  let receiver: HttpReceiver;
  let token: string;

  beforeAll(async () => {
    t = await startTestHub(backend, { start: false });
    await t.hub.close();
    hub = await buildHub({ config: t.config, database: t.database, alertDelivery: FAST });
    await hub.start();
    receiver = await startReceiver();
    const login = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: ADMIN,
    });
    token = login.json<{ access: string }>().access;
  });
  afterAll(async () => {
    await hub?.close();
    await t?.close();
    await receiver?.stop();
  });

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await hub.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, body: res.json() };
  };
  const asHub = () => ({ ...t, hub, api }) as unknown as TestHub;

  async function notification(serviceId: number) {
    const res = await api('GET', `/api/v1/alerts?serviceId=${serviceId}`);
    return res.body.results[0]?.notifications[0] as
      { status: string; attempts: { ok: boolean; error: string | null }[] } | undefined;
  }

  async function setUp() {
    const channel = await api('POST', '/api/v1/channels', {
      name: `Hook ${Math.random()}`,
      type: 'webhook',
      config: { url: `${receiver.url}/hook` },
    });
    const check = await quietCheck(asHub());
    await api('POST', '/api/v1/rules', {
      name: 'Now',
      events: ['down'],
      checkIds: [check.checkId],
      channelIds: [channel.body.id],
      groupWaitSeconds: 0,
      groupIntervalSeconds: 1,
      repeatIntervalSeconds: 0,
    });
    return check;
  }

  it('retries a refused delivery until the receiver takes it, showing every attempt', async () => {
    receiver.answer = { status: 503, body: 'busy', hang: false };
    const check = await setUp();
    hub.tracker.record(check.checkId, DOWN);
    await receiver.waitFor(2);
    receiver.answer = { status: 200, body: '{}', hang: false };
    const sent = await eventually(
      async () => {
        const n = await notification(check.serviceId);
        return n?.status === 'sent' ? n : null;
      },
      5000,
      'the delivery',
    );
    expect(sent.attempts.map((a) => a.error ?? 'ok')).toEqual([
      'HTTP 503: busy',
      'HTTP 503: busy',
      'ok',
    ]);
    const keys = new Set(receiver.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
  });

  it('gives up after the last attempt and says so', async () => {
    receiver.answer = { status: 500, body: 'nope', hang: false };
    receiver.requests.length = 0;
    const check = await setUp();
    hub.tracker.record(check.checkId, DOWN);
    const failed = await eventually(
      async () => {
        const n = await notification(check.serviceId);
        return n?.status === 'failed' ? n : null;
      },
      8000,
      'the failure',
    );
    expect(failed.attempts).toHaveLength(FAST.maxAttempts);
    expect(receiver.requests).toHaveLength(FAST.maxAttempts);
    const alert = (await api('GET', `/api/v1/alerts?serviceId=${check.serviceId}`)).body.results[0];
    expect(alert.trail.map((e: { text: string }) => e.text).join('\n')).toContain(
      `after ${FAST.maxAttempts} attempts: HTTP 500: nope`,
    );
    receiver.answer = { status: 200, body: '{}', hang: false };
  });
});
