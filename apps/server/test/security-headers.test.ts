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
