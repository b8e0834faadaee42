import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, backends, eventually, startTestHub, type TestHub } from './harness.ts';
import { closedPort, startHttpTarget, type HttpTarget } from './targets.ts';

describe.each(backends())('REST API on %s', (backend) => {
  let t: TestHub;
  let target: HttpTarget;

  beforeAll(async () => {
    t = await startTestHub(backend, { start: false, dashboard: true });
    target = await startHttpTarget();
  });
  afterAll(async () => {
    await t?.close();
    await target?.stop();
  });

  describe('authentication', () => {
    it('refuses every API route without a token', async () => {
      for (const url of ['/api/v1/services', '/api/v1/checks', '/api/v1/events', '/api/v1/me']) {
        const res = await t.api('GET', url, undefined, null);
        expect(res.status, url).toBe(401);
        expect(res.body.code).toBe('unauthorized');
      }
    });

    it('refuses a forged or wrong-kind token', async () => {
      expect((await t.api('GET', '/api/v1/services', undefined, 'not.a.jwt')).status).toBe(401);
      // A refresh token is not an access token.
      expect((await t.api('GET', '/api/v1/services', undefined, t.refresh)).status).toBe(401);
    });

    it('answers a wrong password with 401 and the same message as an unknown email', async () => {
      const wrong = await t.api(
        'POST',
        '/api/v1/auth/token',
        { email: ADMIN.email, password: 'nope-nope' },
        null,
      );
      const unknown = await t.api(
        'POST',
        '/api/v1/auth/token',
        { email: 'x@example.com', password: 'nope-nope' },
        null,
      );
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
    });

    it('names the bad field of a login', async () => {
      const res = await t.api('POST', '/api/v1/auth/token', { email: 'not-an-email' }, null);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['email', 'password']);
    });

    it('trades a refresh token for a working access token', async () => {
      const res = await t.api('POST', '/api/v1/auth/token/refresh', { refresh: t.refresh }, null);
      expect(res.status).toBe(200);
      const me = await t.api('GET', '/api/v1/me', undefined, res.body.access);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email: ADMIN.email, role: 'admin' });
      expect(me.body.passwordHash).toBeUndefined();
      const bad = await t.api('POST', '/api/v1/auth/token/refresh', { refresh: t.token }, null);
      expect(bad.status).toBe(401);
    });

    it('says setup is done once an admin exists, and refuses a second setup', async () => {
      const status = await t.api('GET', '/api/v1/auth/setup', undefined, null);
      expect(status.status).toBe(200);
      expect(status.body.needed).toBe(false);
      const again = await t.api(
        'POST',
        '/api/v1/auth/setup',
        { token: 'whatever', email: 'x@example.com', name: 'X', password: 'password123' },
        null,
      );
      expect(again.status).toBe(409);
    });
  });

  describe('services and checks', () => {
    it('creates, reads, updates and deletes a service', async () => {
      const created = await t.api('POST', '/api/v1/services', {
        name: 'Media',
        description: 'Jellyfin',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Media', status: 'pending', checks: [] });
      const id = created.body.id as number;
      expect((await t.api('GET', `/api/v1/services/${id}`)).body.name).toBe('Media');
      const patched = await t.api('PATCH', `/api/v1/services/${id}`, { name: 'Media server' });
      expect(patched.status).toBe(200);
      expect(patched.body.name).toBe('Media server');
      expect((await t.api('DELETE', `/api/v1/services/${id}`)).status).toBe(204);
      expect((await t.api('GET', `/api/v1/services/${id}`)).status).toBe(404);
    });

    it('accepts a trailing slash', async () => {
      expect((await t.api('GET', '/api/v1/services/')).status).toBe(200);
    });

    it('names each bad field and writes nothing', async () => {
      const before = (await t.api('GET', '/api/v1/services?limit=500')).body.results.length;
      const res = await t.api('POST', '/api/v1/services', { name: '', description: 42 });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_error');
      expect(Object.keys(res.body.fields).sort()).toEqual(['description', 'name']);
      expect((await t.api('GET', '/api/v1/services?limit=500')).body.results.length).toBe(before);
    });

    it('rejects malformed JSON with a 400, not a 500', async () => {
      const res = await t.hub.app.inject({
        method: 'POST',
        url: '/api/v1/services',
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
        payload: '{"name":',
      });
      expect(res.statusCode).toBe(400);
    });

    it('validates a check config by its type, naming the nested field', async () => {
      const service = (await t.api('POST', '/api/v1/services', { name: 'Router' })).body;
      const badUrl = await t.api('POST', '/api/v1/checks', {
        serviceId: service.id,
        name: 'admin page',
        type: 'http',
        config: { url: 'ftp://router' },
      });
      expect(badUrl.status).toBe(400);
      expect(badUrl.body.fields).toHaveProperty(['config.url']);
      const badPort = await t.api('POST', '/api/v1/checks', {
        serviceId: service.id,
        name: 'ssh',
        type: 'tcp',
        config: { host: 'router', port: 70000 },
      });
      expect(badPort.status).toBe(400);
      expect(badPort.body.fields).toHaveProperty(['config.port']);
      const badType = await t.api('POST', '/api/v1/checks', {
        serviceId: service.id,
        name: 'x',
        type: 'gopher',
        config: {},
      });
      expect(badType.status).toBe(400);
      expect(badType.body.fields).toHaveProperty('type');
      const noService = await t.api('POST', '/api/v1/checks', {
        serviceId: 999_999,
        name: 'x',
        type: 'tcp',
        config: { host: 'router', port: 22 },
      });
      expect(noService.status).toBe(400);
      expect(noService.body.fields).toHaveProperty('serviceId');
      // A container's check comes from discovery; one made by hand would never hear anything.
      const byHand = await t.api('POST', '/api/v1/checks', {
        serviceId: service.id,
        name: 'x',
        type: 'docker',
        config: { engineId: 1, container: 'jellyfin' },
      });
      expect(byHand.status).toBe(400);
      expect(byHand.body.fields.type).toMatch(/discovered containers/);
      const checks = await t.api('GET', `/api/v1/checks?serviceId=${service.id}`);
      expect(checks.body.results).toEqual([]);
    });

    it('refuses a timeout longer than the interval', async () => {
      const service = (await t.api('POST', '/api/v1/services', { name: 'NAS' })).body;
      const res = await t.api('POST', '/api/v1/checks', {
        serviceId: service.id,
        name: 'web',
        type: 'http',
        intervalSeconds: 10,
        timeoutSeconds: 30,
        config: { url: target.url },
      });
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('timeoutSeconds');
    });

    it('answers 404 for unknown ids and 400 for ids that are not numbers', async () => {
      expect((await t.api('GET', '/api/v1/services/424242')).status).toBe(404);
      expect((await t.api('GET', '/api/v1/checks/424242')).status).toBe(404);
      expect((await t.api('PATCH', '/api/v1/checks/424242', { name: 'x' })).status).toBe(404);
      const res = await t.api('GET', '/api/v1/services/abc');
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('id');
    });

    it('fills check defaults, updates and deletes a check', async () => {
      const service = (await t.api('POST', '/api/v1/services', { name: 'Wiki' })).body;
      const created = await t.api('POST', '/api/v1/checks', {
        serviceId: service.id,
        name: 'home',
        type: 'http',
        config: { url: target.url },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        intervalSeconds: 60,
        timeoutSeconds: 10,
        enabled: true,
        status: 'pending',
        config: { url: target.url, method: 'GET', expectedStatus: ['2xx'] },
      });
      const id = created.body.id as number;
      const paused = await t.api('PATCH', `/api/v1/checks/${id}`, { enabled: false });
      expect(paused.body).toMatchObject({ enabled: false, status: 'paused' });
      const unknownField = await t.api('PATCH', `/api/v1/checks/${id}`, { colour: 'red' });
      expect(unknownField.status).toBe(400);
      expect((await t.api('DELETE', `/api/v1/checks/${id}`)).status).toBe(204);
      expect((await t.api('GET', `/api/v1/checks/${id}`)).status).toBe(404);
    });
  });

  describe('lists', () => {
    it('pages with limit and an opaque cursor, and gives the next URL', async () => {
      for (let i = 0; i < 5; i++) await t.api('POST', '/api/v1/services', { name: `Paged ${i}` });
      const seen: number[] = [];
      let url: string | null = '/api/v1/services?limit=2';
      let pages = 0;
      while (url) {
        const res: { status: number; body: any } = await t.api('GET', url);
        expect(res.status).toBe(200);
        expect(res.body.results.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.results.map((s: { id: number }) => s.id));
        url = res.body.next
          ? new URL(res.body.next, 'http://x').pathname + new URL(res.body.next, 'http://x').search
          : null;
        pages++;
      }
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    });

    it('rejects a limit out of range and a garbled cursor', async () => {
      const big = await t.api('GET', '/api/v1/services?limit=100000');
      expect(big.status).toBe(400);
      expect(big.body.fields).toHaveProperty('limit');
      const cursor = await t.api('GET', '/api/v1/services?cursor=%%%');
      expect(cursor.status).toBe(400);
      expect(cursor.body.fields).toHaveProperty('cursor');
    });
  });

  describe('running checks', () => {
    it('runs a check on demand against a live target and records the result', async () => {
      const service = (await t.api('POST', '/api/v1/services', { name: 'Target' })).body;
      const check = (
        await t.api('POST', '/api/v1/checks', {
          serviceId: service.id,
          name: 'home',
          type: 'http',
          enabled: false,
          config: { url: target.url },
        })
      ).body;
      const run = await t.api('POST', '/api/v1/checks/run', { checkId: check.id });
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ checkId: check.id, status: 'up' });
      expect(run.body.latencyMs).toBeGreaterThanOrEqual(0);
      const results = await eventually(
        async () => {
          const res = await t.api('GET', `/api/v1/checks/${check.id}/results`);
          return res.body.results.length > 0 && res.body.results;
        },
        5000,
        'the result to be written',
      );
      expect(results[0]).toMatchObject({ status: 'up', checkId: check.id });
    });

    it('reports a refused connection as down with a readable message', async () => {
      const service = (await t.api('POST', '/api/v1/services', { name: 'Gone' })).body;
      const check = (
        await t.api('POST', '/api/v1/checks', {
          serviceId: service.id,
          name: 'home',
          type: 'http',
          enabled: false,
          config: { url: `http://127.0.0.1:${await closedPort()}/` },
        })
      ).body;
      const run = await t.api('POST', '/api/v1/checks/run', { checkId: check.id });
      expect(run.body.status).toBe('down');
      expect(run.body.message).toMatch(/refused/i);
    });

    it('answers 404 when running an unknown check', async () => {
      expect((await t.api('POST', '/api/v1/checks/run', { checkId: 987654 })).status).toBe(404);
    });
  });

  describe('documentation, health and dashboard', () => {
    it('publishes OpenAPI covering the resources', async () => {
      const res = await t.api('GET', '/api/v1/openapi.json', undefined, null);
      expect(res.status).toBe(200);
      const paths = Object.keys(res.body.paths);
      for (const p of [
        '/api/v1/services',
        '/api/v1/checks',
        '/api/v1/checks/run',
        '/api/v1/events',
        '/api/v1/auth/token',
      ]) {
        expect(paths).toContain(p);
      }
      const docs = await t.hub.app.inject({ method: 'GET', url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.body).toContain('swagger');
    });

    it('answers health and readiness without a token', async () => {
      expect((await t.api('GET', '/healthz', undefined, null)).body).toEqual({ status: 'ok' });
      expect((await t.api('GET', '/readyz', undefined, null)).body).toEqual({ status: 'ok' });
    });

    it('serves the dashboard for its own routes but JSON 404s for unknown API routes', async () => {
      const page = await t.hub.app.inject({ method: 'GET', url: '/services/12' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Home Hub Monitor</title>');
      const asset = await t.hub.app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
      const api = await t.api('GET', '/api/v1/nope');
      expect(api.status).toBe(404);
      expect(api.body.code).toBe('not_found');
      expect(
        (await t.hub.app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode,
      ).toBe(404);
    });
  });
});
