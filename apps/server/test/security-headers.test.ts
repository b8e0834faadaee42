import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './harness.ts';

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
