import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestHub, type TestHub } from './harness.ts';

describe('security headers', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub('sqlite', { start: false, dashboard: true });
  });
  afterAll(() => t?.close());

  it('sends a strict policy with the dashboard and the API, and no HSTS over plain HTTP', async () => {
    for (const url of ['/', '/api/v1/services']) {
      const res = await t.api('GET', url);
      expect(res.status).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('lets the API documentation page bring its own policy', async () => {
    const res = await t.hub.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain('img-src'); // the page's own policy, not the dashboard's
    expect(csp).toContain('validator.swagger.io');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});

describe('CORS', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub('sqlite', {
      start: false,
      env: { CORS_ORIGINS: 'https://home.example.com' },
    });
  });
  afterAll(() => t?.close());

  const preflight = (origin: string) =>
    t.hub.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/services',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it('lets a configured origin call the API from a browser', async () => {
    const res = await preflight('https://home.example.com');
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://home.example.com');
    expect(String(res.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it('gives any other origin nothing that would let its page read an answer', async () => {
    const res = await preflight('https://evil.example.net');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const get = await t.hub.app.inject({
      url: '/api/v1/services',
      headers: { origin: 'https://evil.example.net', authorization: `Bearer ${t.token}` },
    });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('behind an HTTPS reverse proxy (TRUST_PROXY)', () => {
  const viaProxy = (t: TestHub, url: string, payload?: object) =>
    t.hub.app.inject({
      method: payload ? 'POST' : 'GET',
      url,
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
      ...(payload ? { payload } : {}),
    });

  it('sends HSTS and Secure cookies when the proxy is trusted, and believes no one otherwise', async () => {
    for (const trusted of [true, false]) {
      const t = await startTestHub('sqlite', {
        start: false,
        env: { TRUST_PROXY: String(trusted) },
      });
      try {
        const page = await viaProxy(t, '/api/v1/auth/setup');
        expect(Boolean(page.headers['strict-transport-security'])).toBe(trusted);
        const login = await viaProxy(t, '/api/v1/auth/login', ADMIN);
        const session = login.cookies.find((c) => c.name === 'hh_session')!;
        expect(Boolean(session.secure)).toBe(trusted);
        const events = await t.api('GET', '/api/v1/events');
        const audit = events.body.results.find(
          (e: { data: { action?: string } }) => e.data?.action === 'login',
        );
        expect(audit.data.ip).toBe(trusted ? '203.0.113.9' : '127.0.0.1');
      } finally {
        await t.close();
      }
    }
  });
});
