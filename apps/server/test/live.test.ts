import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LiveMessage } from '@homehub/contracts';
import { backends, eventually, startTestHub, type TestHub } from './harness.ts';
import { startHttpTarget, type HttpTarget } from './targets.ts';

/** A real WebSocket client that keeps every message it gets. */
async function connect(url: string, headers: Record<string, string> = {}) {
  const messages: LiveMessage[] = [];
  const socket = new WebSocket(url, { headers });
  socket.on('message', (data) =>
    messages.push(JSON.parse((data as Buffer).toString('utf8')) as LiveMessage),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages };
}

/** The HTTP status of a refused upgrade. */
function refusal(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => reject(new Error('the stream opened without a valid token')));
    socket.once('error', () => undefined);
  });
}

describe.each(backends())('live checks and streams on %s', (backend) => {
  let t: TestHub;
  let target: HttpTarget;
  let ws: string;

  beforeAll(async () => {
    t = await startTestHub(backend);
    target = await startHttpTarget();
    ws = (await t.listen()).replace('http://', 'ws://');
  });
  afterAll(async () => {
    await t?.close();
    await target?.stop();
  });

  it('refuses a stream without a valid token', async () => {
    expect(await refusal(`${ws}/ws/stream`)).toBe(401);
    expect(await refusal(`${ws}/ws/stream?token=forged`)).toBe(401);
  });

  it('takes the token from the Authorization header too', async () => {
    const { socket } = await connect(`${ws}/ws/stream/`, { authorization: `Bearer ${t.token}` });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('follows a service from pending to up to down as its target stops, live and in the API', async () => {
    const all = await connect(`${ws}/ws/stream?token=${t.token}`);
    const service = (await t.api('POST', '/api/v1/services', { name: 'Live target' })).body;
    const other = (await t.api('POST', '/api/v1/services', { name: 'Other' })).body;
    const scoped = await connect(`${ws}/ws/services/${service.id}/stream?token=${t.token}`);
    const check = (
      await t.api('POST', '/api/v1/checks', {
        serviceId: service.id,
        name: 'home',
        type: 'http',
        intervalSeconds: 1,
        timeoutSeconds: 1,
        config: { url: target.url },
      })
    ).body;

    // Up: a result, then the service's status, then an event, each on the stream.
    await eventually(
      () =>
        all.messages.some(
          (m) => m.type === 'service' && m.data.id === service.id && m.data.status === 'up',
        ),
      5_000,
      'the service to turn up on the stream',
    );
    const result = all.messages.find((m) => m.type === 'result' && m.data.checkId === check.id);
    expect(result).toMatchObject({ type: 'result', data: { status: 'up', serviceId: service.id } });
    expect(typeof result?.at).toBe('string');
    expect(
      all.messages.find((m) => m.type === 'event' && m.data.serviceId === service.id),
    ).toMatchObject({ data: { type: 'status_changed', fromStatus: 'pending', toStatus: 'up' } });
    expect((await t.api('GET', `/api/v1/services/${service.id}`)).body.status).toBe('up');

    const beforeDown = new Date().toISOString();
    await target.stop();
    await eventually(
      async () => (await t.api('GET', `/api/v1/services/${service.id}`)).body.status === 'down',
      6_000,
      'the service to turn down',
    );
    const down = await eventually(
      () => all.messages.find((m) => m.type === 'event' && m.data.toStatus === 'down'),
      2_000,
      'the down event on the stream',
    );
    expect(down).toMatchObject({
      data: { serviceId: service.id, fromStatus: 'up', checkId: check.id },
    });
    expect(down.type === 'event' && down.data.message).toMatch(/home/);
    // The event carries the result that caused it.
    expect(down.type === 'event' && down.data.data).toMatchObject({
      result: { status: 'down', latencyMs: null },
    });

    // The timeline, filtered by time and by service.
    const since = await t.api('GET', `/api/v1/events?since=${encodeURIComponent(beforeDown)}`);
    expect(since.body.results.map((e: { toStatus: string }) => e.toStatus)).toEqual(['down']);
    const ofService = await t.api('GET', `/api/v1/events?serviceId=${service.id}`);
    expect(ofService.body.results.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'down',
      'up',
    ]);
    expect((await t.api('GET', `/api/v1/events?serviceId=${other.id}`)).body.results).toEqual([]);
    const badSince = await t.api('GET', '/api/v1/events?since=yesterday');
    expect(badSince.status).toBe(400);
    expect(badSince.body.fields).toHaveProperty('since');

    // The service's own stream carried only that service.
    expect(scoped.messages.length).toBeGreaterThan(0);
    const foreign = scoped.messages.filter((m) => {
      const d = m.data as { serviceId?: number; id?: number };
      return (m.type === 'service' ? d.id : d.serviceId) !== service.id;
    });
    expect(foreign).toEqual([]);

    // Results were batched into the database.
    const stored = await eventually(
      async () => {
        const res = await t.api('GET', `/api/v1/checks/${check.id}/results?limit=100`);
        return (
          res.body.results.some((r: { status: string }) => r.status === 'down') && res.body.results
        );
      },
      3_000,
      'results to be stored',
    );
    // Newest first: the last result is the down one, the oldest the first up.
    expect(stored[0].status).toBe('down');
    expect(stored.at(-1).status).toBe('up');
    all.socket.close();
    scoped.socket.close();
  });

  it('pauses a service whose only check is disabled, and stops probing it', async () => {
    const probe = await startHttpTarget();
    const service = (await t.api('POST', '/api/v1/services', { name: 'Pausable' })).body;
    const check = (
      await t.api('POST', '/api/v1/checks', {
        serviceId: service.id,
        name: 'home',
        type: 'http',
        intervalSeconds: 1,
        timeoutSeconds: 1,
        config: { url: probe.url },
      })
    ).body;
    await eventually(async () => probe.requests > 0, 5_000, 'a first probe');
    await t.api('PATCH', `/api/v1/checks/${check.id}`, { enabled: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const count = probe.requests;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(probe.requests).toBe(count);
    await probe.stop();
  });
});
