import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpConfig, TcpConfig } from '@homehub/contracts';
import { httpCheck, statusMatcher } from '../src/modules/checks/types/http.check.ts';
import { tcpCheck } from '../src/modules/checks/types/tcp.check.ts';
import { context, probe } from './probe.ts';
import { closedPort, startHttpTarget, startTcpTarget, type HttpTarget } from './targets.ts';

describe('statusMatcher', () => {
  it('understands classes, single codes and ranges', () => {
    const match = statusMatcher(['2xx', '301', '400-404']);
    expect([200, 299, 301, 400, 404].map(match)).toEqual([true, true, true, true, true]);
    expect([199, 300, 302, 405, 500].map(match)).toEqual([false, false, false, false, false]);
  });
});

describe('http check against a real server', () => {
  let target: HttpTarget;
  beforeAll(async () => {
    target = await startHttpTarget((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/final' });
        res.end();
        return true;
      }
      if (req.url === '/loop') {
        res.writeHead(302, { location: '/loop' });
        res.end();
        return true;
      }
      if (req.url === '/method') {
        res.writeHead(req.method === 'HEAD' ? 204 : 405);
        res.end();
        return true;
      }
      return false;
    });
  });
  afterAll(() => target.stop());

  const http = (url: string, extra: Record<string, unknown> = {}) =>
    HttpConfig.parse({ url, ...extra });

  it('is up on a 2xx and measures latency', async () => {
    target.status = 200;
    target.delayMs = 60;
    const result = await probe(httpCheck, http(target.url));
    target.delayMs = 0;
    expect(result.status).toBe('up');
    expect(result.message).toBe('HTTP 200 OK');
    expect(result.latencyMs).toBeGreaterThanOrEqual(55);
  });

  it('is down on an unexpected status and says what was expected', async () => {
    target.status = 503;
    const result = await probe(httpCheck, http(target.url));
    target.status = 200;
    expect(result.status).toBe('down');
    expect(result.message).toBe('HTTP 503 Service Unavailable (expected 2xx)');
  });

  it('accepts the statuses the user expects', async () => {
    target.status = 401;
    const result = await probe(httpCheck, http(target.url, { expectedStatus: ['2xx', '401'] }));
    target.status = 200;
    expect(result.status).toBe('up');
  });

  it('follows redirects, but stops at a loop', async () => {
    expect((await probe(httpCheck, http(`${target.url}/redirect`))).status).toBe('up');
    const loop = await probe(httpCheck, http(`${target.url}/loop`));
    expect(loop.status).toBe('down');
    expect(loop.message).toContain('HTTP 302');
  });

  it('uses the configured method', async () => {
    const result = await probe(httpCheck, http(`${target.url}/method`, { method: 'HEAD' }));
    expect(result).toMatchObject({ status: 'up', message: 'HTTP 204 No Content' });
  });

  it('is down with "Timed out" when the server is too slow', async () => {
    target.delayMs = 1_000;
    const result = await probe(httpCheck, http(target.url), context(200));
    target.delayMs = 0;
    expect(result.status).toBe('down');
    expect(result.message).toBe('Timed out after 0.2 s');
  });

  it('is down with the reason when nothing listens', async () => {
    const result = await probe(httpCheck, http(`http://127.0.0.1:${await closedPort()}/`));
    expect(result.status).toBe('down');
    expect(result.message).toMatch(/ECONNREFUSED/);
  });
});

describe('tcp check against a real listener', () => {
  it('is up when the port accepts', async () => {
    const listener = await startTcpTarget();
    const result = await probe(
      tcpCheck,
      TcpConfig.parse({ host: '127.0.0.1', port: listener.port }),
    );
    await listener.stop();
    expect(result.status).toBe('up');
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('is down when the port is closed', async () => {
    const port = await closedPort();
    const result = await probe(tcpCheck, TcpConfig.parse({ host: '127.0.0.1', port }));
    expect(result.status).toBe('down');
    expect(result.message).toMatch(/ECONNREFUSED/);
  });

  it('is down when the host does not resolve', async () => {
    const result = await probe(
      tcpCheck,
      TcpConfig.parse({ host: 'no-such-host.invalid', port: 80 }),
    );
    expect(result.status).toBe('down');
    expect(result.message).toMatch(/ENOTFOUND/);
  });
});
