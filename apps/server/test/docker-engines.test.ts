import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, eventually, startTestHub, type TestHub } from './harness.ts';

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Needs no engine: these are the cases where none answers. */
describe.each(backends())('Docker engines as a resource on %s', (backend) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(backend, {
      env: {
        ENABLE_DOCKER_EVENTS: 'true',
        DOCKER_HOST: 'unix:///nonexistent/docker.sock',
        DOCKER_STATS_INTERVAL: '0',
      },
    });
  });
  afterAll(() => t?.close());

  it('starts and serves with a missing local engine, shown unreachable with the reason', async () => {
    const local = await eventually(async () => {
      const engines = (await t.api('GET', '/api/v1/engines/')).body.results;
      return engines[0]?.state === 'unreachable' && engines[0];
    });
    expect(local).toMatchObject({ local: true, url: 'unix:///nonexistent/docker.sock' });
    expect(local.lastError).toMatch(/ENOENT/);
    expect(local.since).not.toBeNull();
    expect((await t.api('GET', '/api/v1/services')).status).toBe(200);
    const timeline = (await t.api('GET', '/api/v1/events')).body.results;
    expect(timeline.some((e: { type: string }) => e.type === 'engine')).toBe(true);
  });

  it('adds, reads, changes and removes an engine; one that refuses is unreachable', async () => {
    const port = await closedPort();
    const created = await t.api('POST', '/api/v1/engines', {
      name: 'NAS',
      url: `tcp://127.0.0.1:${port}`,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'NAS', local: false, state: 'unreachable' });
    expect(created.body.lastError).toMatch(/ECONNREFUSED/);
    const id = created.body.id;

    expect((await t.api('GET', `/api/v1/engines/${id}`)).body.name).toBe('NAS');
    const patched = await t.api('PATCH', `/api/v1/engines/${id}/`, { name: 'Attic NAS' });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe('Attic NAS');
    expect((await t.api('GET', `/api/v1/engines/${id}/containers`)).body.results).toEqual([]);

    const again = await t.api('POST', '/api/v1/engines', {
      name: 'Twin',
      url: `tcp://127.0.0.1:${port}`,
    });
    expect(again.status).toBe(409);

    expect((await t.api('DELETE', `/api/v1/engines/${id}`)).status).toBe(204);
    expect((await t.api('GET', `/api/v1/engines/${id}`)).status).toBe(404);
  });

  it('names each bad field, refuses to move or drop the local engine', async () => {
    const bad = await t.api('POST', '/api/v1/engines', { name: '', url: 'ftp://x' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['name', 'url']);
    const local = (await t.api('GET', '/api/v1/engines')).body.results[0];
    const moved = await t.api('PATCH', `/api/v1/engines/${local.id}`, {
      url: 'tcp://10.0.0.1:2375',
    });
    expect(moved.status).toBe(400);
    expect(moved.body.fields.url).toBeTruthy();
    expect((await t.api('DELETE', `/api/v1/engines/${local.id}`)).status).toBe(409);
    expect((await t.api('GET', '/api/v1/engines/999999')).status).toBe(404);
    expect((await t.api('GET', '/api/v1/containers/999999/stats')).status).toBe(404);
    expect((await t.api('GET', '/api/v1/containers/1/stats?range=2y')).status).toBe(400);
  });
});

describe('ENABLE_DOCKER_EVENTS=false', () => {
  it('makes no local engine', async () => {
    const t = await startTestHub('sqlite', { env: { ENABLE_DOCKER_EVENTS: 'false' } });
    try {
      expect((await t.api('GET', '/api/v1/engines')).body.results).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
