import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { roleAtLeast, ROLES, type Role } from '@homehub/contracts';
import { ACCESS } from '../src/platform/access.ts';
import { backends, eventually, startTestHub, type TestHub } from './harness.ts';
import { newAccount } from './accounts.ts';

/** A concrete URL for a route pattern: ids that do not exist, so no allowed call changes anything. */
const concrete = (path: string) =>
  path
    .replace(/:id\b/g, '999999')
    .replace(/:token\b/g, 'no-such-token')
    .replace(/:\w+/g, 'x');

/** Opens a stream; answers the open socket or the HTTP status it was refused with. */
function openStream(url: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe.each(backends())('every route and stream, by role, on %s', (backend) => {
  let t: TestHub;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await startTestHub(backend, { start: false });
    tokens.admin = t.token;
    tokens.operator = (await newAccount(t, 'operator')).token;
    tokens.viewer = (await newAccount(t, 'viewer')).token;
  });
  afterAll(() => t?.close());

  it('has an entry for every registered route and stream, and none for a route that is gone', () => {
    expect([...t.hub.routes].sort()).toEqual(Object.keys(ACCESS).sort());
    expect(t.hub.routes.size).toBeGreaterThan(30);
  });

  it('keeps a viewer to reading, apart from their own session, profile and tokens', () => {
    const viewerChanges = Object.entries(ACCESS)
      .filter(([key, access]) => access === 'viewer' && !key.startsWith('GET '))
      .map(([key]) => key);
    expect(viewerChanges.sort()).toEqual([
      'DELETE /api/v1/tokens/:id',
      'PATCH /api/v1/me',
      'POST /api/v1/auth/logout',
      'POST /api/v1/me/password',
      'POST /api/v1/tokens',
    ]);
  });

  it('keeps accounts and hub settings to admins', () => {
    const adminAreas = Object.entries(ACCESS).filter(([key]) =>
      /^\w+ \/api\/v1\/(users|settings)\b/.test(key),
    );
    expect(adminAreas.length).toBeGreaterThanOrEqual(7);
    for (const [key, access] of adminAreas) expect(access, key).toBe('admin');
  });

  const httpRoutes = () =>
    [...t.hub.routes]
      .filter((key) => !key.includes(' /ws/'))
      .map((key) => {
        const [method, path] = key.split(' ') as [string, string];
        return { key, method, url: concrete(path), access: ACCESS[key]! };
      });

  const call = (method: string, url: string, token: string | null) =>
    t.api(method, url, ['POST', 'PATCH', 'PUT'].includes(method) ? {} : undefined, token);

  it('answers 401 to an anonymous caller on every route that is not public', async () => {
    const wrong: string[] = [];
    for (const route of httpRoutes()) {
      const { status } = await call(route.method, route.url, null);
      const expected =
        route.access === 'public' ? status !== 401 && status !== 403 : status === 401;
      if (!expected) wrong.push(`${route.key} → ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets each role through exactly the routes the table allows it, with real requests', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of httpRoutes()) {
      if (route.access === 'public') continue;
      for (const role of ROLES) {
        const { status } = await call(route.method, route.url, tokens[role]);
        const allowed = roleAtLeast(role, route.access);
        const ok = allowed ? status !== 401 && status !== 403 : status === 403;
        if (!ok) wrong.push(`${role} ${route.key} → ${status} (table: ${route.access})`);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it('applies the same rule to streams', async () => {
    const base = (await t.listen()).replace('http://', 'ws://');
    const streams = [...t.hub.routes].filter((key) => key.startsWith('GET /ws/'));
    expect(streams.length).toBeGreaterThanOrEqual(2);
    for (const key of streams) {
      const url = `${base}${concrete(key.slice(4))}`;
      expect(await openStream(url), `${key} anonymous`).toBe(401);
      for (const role of ROLES) {
        const answer = await openStream(`${url}?token=${tokens[role]}`);
        if (roleAtLeast(role, ACCESS[key] as Role)) {
          expect(answer, `${key} as ${role}`).toBeInstanceOf(WebSocket);
          (answer as WebSocket).close();
        } else {
          expect(answer, `${key} as ${role}`).toBe(403);
        }
      }
    }
  });

  it('never carries a secret or an audit entry on a viewer’s stream', async () => {
    const base = (await t.listen()).replace('http://', 'ws://');
    const viewer = await openStream(`${base}/ws/stream?token=${tokens.viewer}`);
    const admin = await openStream(`${base}/ws/stream?token=${tokens.admin}`);
    if (typeof viewer === 'number' || typeof admin === 'number') throw new Error('refused');
    const seen = { viewer: [] as string[], admin: [] as string[] };
    viewer.on('message', (data: Buffer) => seen.viewer.push(data.toString('utf8')));
    admin.on('message', (data: Buffer) => seen.admin.push(data.toString('utf8')));

    const password = 'sw0rdfish-secret';
    const service = await t.api('POST', '/api/v1/services', { name: 'Secrets' });
    const http = await t.api('POST', '/api/v1/checks', {
      serviceId: service.body.id,
      name: 'Private API',
      type: 'http',
      intervalSeconds: 60,
      config: { url: 'http://127.0.0.1:9/', auth: 'basic', username: 'u', password },
    });
    expect(http.status).toBe(201);
    const push = await t.api('POST', '/api/v1/checks', {
      serviceId: service.body.id,
      name: 'Backup job',
      type: 'push',
      intervalSeconds: 60,
      config: {},
    });
    const pushUrl = push.body.pushUrl as string;
    await t.api('POST', '/api/v1/checks/run', { checkId: http.body.id });
    await t.api('POST', pushUrl.replace(/\/$/, '') + '/fail', undefined, null);
    await t.api('POST', '/api/v1/tokens', { name: 'audited', role: 'viewer' });

    await eventually(() => seen.admin.some((m) => m.includes('"audit"')), 5000, 'the audit event');
    await eventually(() => seen.viewer.length >= 4, 5000, 'the viewer’s messages');
    const viewerText = seen.viewer.join('\n');
    expect(viewerText).not.toContain(password);
    expect(viewerText).not.toContain(pushUrl.split('/').filter(Boolean).at(-1));
    expect(viewerText).not.toContain('"audit"');
    viewer.close();
    admin.close();

    // And in the API: the push URL is an operator's to see.
    const asViewer = await t.api('GET', `/api/v1/checks/${push.body.id}`, undefined, tokens.viewer);
    expect(asViewer.body.pushUrl).toBeNull();
    const asOperator = await t.api(
      'GET',
      `/api/v1/checks/${push.body.id}`,
      undefined,
      tokens.operator,
    );
    expect(asOperator.body.pushUrl).toBe(pushUrl);
    const serviceAsViewer = await t.api(
      'GET',
      `/api/v1/services/${service.body.id}`,
      undefined,
      tokens.viewer,
    );
    expect(JSON.stringify(serviceAsViewer.body)).not.toContain(pushUrl);
    expect(JSON.stringify(serviceAsViewer.body)).not.toContain(password);
  });
});
