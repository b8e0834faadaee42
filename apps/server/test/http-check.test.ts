import type http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpConfig } from '@homehub/contracts';
import { httpCheck, parseJsonPath } from '../src/modules/checks/types/http.check.ts';
import {
  describeFailure,
  type Observation,
  type ProbeContext,
} from '../src/modules/checks/check.types.ts';
import { startHttpTarget, type HttpTarget } from './targets.ts';
import { selfSignedCertificate, type Certificate } from './certificates.ts';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/** Runs a probe the way the runner does: a throw becomes a `down` with a reason. */
async function probe(extra: Record<string, unknown>, timeoutMs = 5_000) {
  const config = HttpConfig.parse(extra);
  const context: ProbeContext = { signal: AbortSignal.timeout(timeoutMs), timeoutMs };
  const observation = await httpCheck.run(config, context).catch((error: unknown): Observation => ({
    status: 'down',
    latencyMs: null,
    message: describeFailure(error, context),
  }));
  if (!observation) throw new Error('An HTTP check always concludes');
  return observation;
}

/** What a request brought to the server. */
interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
}

/** Records every request (with its body) before answering it with `answer`. */
function recorder(
  log: Received[],
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Handler {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      log.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      answer(req, res);
    });
    return true;
  };
}

/** A real HTTPS server with the given certificate; answers 200 "ok" unless `handler` takes it. */
async function startHttpsTarget(certificate: Certificate, handler?: Handler) {
  const sockets = new Set<net.Socket>();
  const server = https.createServer(certificate, (req, res) => {
    if (handler?.(req, res)) return;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const expiryDay = (certificate: Certificate) =>
  new Date(new X509Certificate(certificate.cert).validTo).toISOString().slice(0, 10);

describe('parseJsonPath', () => {
  it('reads keys and indexes, with or without "$."', () => {
    expect(parseJsonPath('$.status')).toEqual({ label: '$.status', segments: ['status'] });
    expect(parseJsonPath('data.items[0].ok')).toEqual({
      label: '$.data.items[0].ok',
      segments: ['data', 'items', 0, 'ok'],
    });
    expect(parseJsonPath('[2].id')).toEqual({ label: '$[2].id', segments: [2, 'id'] });
  });
});

describe('http check: what it sends', () => {
  const log: Received[] = [];
  let target: HttpTarget;
  beforeAll(async () => {
    target = await startHttpTarget(
      recorder(log, (_req, res) => {
        res.writeHead(200);
        res.end('ok');
      }),
    );
  });
  afterAll(() => target.stop());
  const last = () => log.at(-1)!;

  it('sends the configured headers and its own User-Agent', async () => {
    const result = await probe({ url: target.url, headers: { 'X-Api-Key': 'k-123' } });
    expect(result).toMatchObject({ status: 'up', message: 'HTTP 200 OK' });
    expect(last().headers['x-api-key']).toBe('k-123');
    expect(last().headers['user-agent']).toMatch(/^HomeHubMonitor\//);
  });

  it('lets a configured User-Agent replace the default, whatever its case', async () => {
    await probe({ url: target.url, headers: { 'user-agent': 'Custom/1.0' } });
    expect(last().headers['user-agent']).toBe('Custom/1.0');
    const names = last().rawHeaders.filter((_, i) => i % 2 === 0);
    expect(names.filter((n) => n.toLowerCase() === 'user-agent')).toHaveLength(1);
  });

  it('sends basic authentication', async () => {
    await probe({ url: target.url, auth: 'basic', username: 'alice', password: 'p:ss wörd' });
    const expected = Buffer.from('alice:p:ss wörd', 'utf8').toString('base64');
    expect(last().headers.authorization).toBe(`Basic ${expected}`);
  });

  it('sends bearer authentication', async () => {
    await probe({ url: target.url, auth: 'bearer', token: 'tok.en-42' });
    expect(last().headers.authorization).toBe('Bearer tok.en-42');
  });

  it('sends no Authorization without auth', async () => {
    await probe({ url: target.url, token: 'unused' });
    expect(last().headers.authorization).toBeUndefined();
  });

  it('sends the body with POST, PUT, DELETE and OPTIONS', async () => {
    const body = '{"ping":"pong","ü":1}';
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      await probe({
        url: target.url,
        method,
        body,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(last()).toMatchObject({ method, body });
      expect(last().headers['content-type']).toBe('application/json');
      expect(last().headers['content-length']).toBe(String(Buffer.byteLength(body)));
    }
  });

  it('sends no body with GET or HEAD', async () => {
    for (const method of ['GET', 'HEAD']) {
      await probe({ url: target.url, method, body: 'should not be sent' });
      expect(last()).toMatchObject({ method, body: '' });
      expect(last().headers['content-length']).toBeUndefined();
      expect(last().headers['transfer-encoding']).toBeUndefined();
    }
  });
});

describe('http check: redirects', () => {
  const log: Received[] = [];
  let target: HttpTarget;
  let elsewhere: HttpTarget;
  beforeAll(async () => {
    elsewhere = await startHttpTarget(
      recorder(log, (_req, res) => {
        res.writeHead(200);
        res.end();
      }),
    );
    target = await startHttpTarget(
      recorder(log, (req, res) => {
        const to: Record<string, string> = {
          '/redirect': '/final',
          '/away': `${elsewhere.url}/landed`,
          '/see-other': '/final',
        };
        const location = to[req.url!];
        if (location) res.writeHead(req.url === '/see-other' ? 303 : 302, { location });
        else res.writeHead(200);
        res.end();
      }),
    );
  });
  afterAll(async () => {
    await target.stop();
    await elsewhere.stop();
  });

  it('follows redirects by default', async () => {
    log.length = 0;
    expect(await probe({ url: `${target.url}/redirect` })).toMatchObject({ status: 'up' });
    expect(log.map((r) => r.url)).toEqual(['/redirect', '/final']);
  });

  it('takes a 3xx as the final answer when not following redirects', async () => {
    log.length = 0;
    const result = await probe({ url: `${target.url}/redirect`, followRedirects: false });
    expect(result).toMatchObject({ status: 'down', message: 'HTTP 302 Found (expected 2xx)' });
    expect(log.map((r) => r.url)).toEqual(['/redirect']);
    const expected = await probe({
      url: `${target.url}/redirect`,
      followRedirects: false,
      expectedStatus: ['3xx'],
    });
    expect(expected).toMatchObject({ status: 'up', message: 'HTTP 302 Found' });
  });

  it('keeps credentials on the same origin and drops them on another', async () => {
    log.length = 0;
    await probe({ url: `${target.url}/redirect`, auth: 'bearer', token: 'secret' });
    expect(log.map((r) => r.headers.authorization)).toEqual(['Bearer secret', 'Bearer secret']);
    log.length = 0;
    const result = await probe({ url: `${target.url}/away`, auth: 'bearer', token: 'secret' });
    expect(result.status).toBe('up');
    expect(log.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/away', 'Bearer secret'],
      ['/landed', undefined],
    ]);
  });

  it('turns a POST into a body-less GET after a 303', async () => {
    log.length = 0;
    await probe({ url: `${target.url}/see-other`, method: 'POST', body: 'form=1' });
    expect(log.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/see-other', 'form=1'],
      ['GET', '/final', ''],
    ]);
  });
});

describe('http check: the body', () => {
  let target: HttpTarget;
  const json = (res: http.ServerResponse, value: string) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(value);
  };
  beforeAll(async () => {
    target = await startHttpTarget((req, res) => {
      switch (req.url) {
        case '/text':
          res.writeHead(200);
          res.end('<html>Status: All systems operational</html>');
          return true;
        case '/ok.json':
          json(
            res,
            JSON.stringify({
              status: 'ok',
              count: 5,
              data: { items: [{ ok: true }, { ok: false }], nothing: null, meta: { v: 2 } },
            }),
          );
          return true;
        case '/degraded.json':
          json(res, '{"status":"degraded"}');
          return true;
        case '/bom.json':
          json(res, '\uFEFF{"status":"ok"}');
          return true;
        case '/broken.json':
          json(res, '<html>oops</html>');
          return true;
        case '/large': {
          // 2 MiB of filler, then the keyword: beyond what the probe reads.
          res.writeHead(200);
          res.write(Buffer.alloc(2 * 1024 * 1024, 'a'));
          res.end('NEEDLE');
          return true;
        }
        case '/endless': {
          res.writeHead(200);
          const chunk = Buffer.alloc(64 * 1024, 'x');
          const timer = setInterval(() => res.write(chunk), 1);
          res.on('close', () => clearInterval(timer));
          return true;
        }
        case '/error':
          res.writeHead(500);
          res.end('All systems operational');
          return true;
      }
      return false;
    });
  });
  afterAll(() => target.stop());

  it('is up when the keyword is there, down when it is not (case-sensitive)', async () => {
    const url = `${target.url}/text`;
    expect(await probe({ url, keyword: 'systems operational' })).toMatchObject({
      status: 'up',
      message: 'HTTP 200 OK',
    });
    expect(await probe({ url, keyword: 'Systems Operational' })).toMatchObject({
      status: 'down',
      message: 'Keyword "Systems Operational" not found',
    });
  });

  it('is down when a keyword that must be absent is there', async () => {
    const url = `${target.url}/text`;
    expect(await probe({ url, keyword: 'operational', keywordAbsent: true })).toMatchObject({
      status: 'down',
      message: 'Keyword "operational" found',
    });
    expect(await probe({ url, keyword: 'maintenance', keywordAbsent: true })).toMatchObject({
      status: 'up',
      message: 'HTTP 200 OK',
    });
  });

  it('judges the status before the body', async () => {
    const result = await probe({ url: `${target.url}/error`, keyword: 'operational' });
    expect(result).toMatchObject({
      status: 'down',
      message: 'HTTP 500 Internal Server Error (expected 2xx)',
    });
  });

  it('reads no further than 1 MiB and says so', async () => {
    const result = await probe({ url: `${target.url}/large`, keyword: 'NEEDLE' });
    expect(result).toMatchObject({
      status: 'down',
      message: 'Keyword "NEEDLE" not found in the first 1 MiB',
    });
  });

  it('stops reading a body that never ends', async () => {
    const result = await probe({ url: `${target.url}/endless`, keyword: 'NEEDLE' }, 3_000);
    expect(result).toMatchObject({
      status: 'down',
      message: 'Keyword "NEEDLE" not found in the first 1 MiB',
    });
    const json = await probe({ url: `${target.url}/endless`, jsonPath: '$.status' }, 3_000);
    expect(json).toMatchObject({
      status: 'down',
      message: 'Response is larger than 1 MiB; JSON not checked',
    });
  });

  it('compares the value at a JSON path', async () => {
    const url = `${target.url}/ok.json`;
    expect(await probe({ url, jsonPath: '$.status', jsonValue: 'ok' })).toMatchObject({
      status: 'up',
      message: 'HTTP 200 OK',
    });
    expect(await probe({ url, jsonPath: 'count', jsonValue: '5' })).toMatchObject({
      status: 'up',
    });
    expect(await probe({ url, jsonPath: 'data.meta', jsonValue: '{"v":2}' })).toMatchObject({
      status: 'up',
    });
    expect(
      await probe({ url: `${target.url}/degraded.json`, jsonPath: '$.status', jsonValue: 'ok' }),
    ).toMatchObject({ status: 'down', message: 'JSON $.status is "degraded" (expected "ok")' });
    expect(await probe({ url, jsonPath: 'count', jsonValue: '6' })).toMatchObject({
      status: 'down',
      message: 'JSON $.count is "5" (expected "6")',
    });
  });

  it('without a value, wants the path to exist and hold something truthy', async () => {
    const url = `${target.url}/ok.json`;
    expect(await probe({ url, jsonPath: 'data.items[0].ok' })).toMatchObject({ status: 'up' });
    expect(await probe({ url, jsonPath: 'data.items[1].ok' })).toMatchObject({
      status: 'down',
      message: 'JSON $.data.items[1].ok is false (expected a truthy value)',
    });
    expect(await probe({ url, jsonPath: '$.data.nothing' })).toMatchObject({
      status: 'down',
      message: 'JSON $.data.nothing is null (expected a truthy value)',
    });
  });

  it('is down when the JSON path leads nowhere', async () => {
    const url = `${target.url}/ok.json`;
    expect(await probe({ url, jsonPath: '$.missing' })).toMatchObject({
      status: 'down',
      message: 'JSON $.missing not found',
    });
    expect(await probe({ url, jsonPath: 'data.items[7].ok', jsonValue: 'true' })).toMatchObject({
      status: 'down',
      message: 'JSON $.data.items[7].ok not found',
    });
    expect(await probe({ url, jsonPath: 'status.length' })).toMatchObject({
      status: 'down',
      message: 'JSON $.status.length not found',
    });
  });

  it('is down with a clear message on invalid JSON', async () => {
    const result = await probe({ url: `${target.url}/broken.json`, jsonPath: '$.status' });
    expect(result.status).toBe('down');
    expect(result.message).toMatch(/^Response is not valid JSON \(.+\)$/);
  });

  it('accepts JSON that starts with a byte order mark', async () => {
    const result = await probe({
      url: `${target.url}/bom.json`,
      jsonPath: '$.status',
      jsonValue: 'ok',
    });
    expect(result).toMatchObject({ status: 'up' });
  });
});

describe('http check: slowness', () => {
  let target: HttpTarget;
  beforeAll(async () => {
    target = await startHttpTarget();
  });
  afterAll(() => target.stop());

  it('is degraded when slower than degradedAboveMs', async () => {
    target.delayMs = 150;
    const result = await probe({ url: target.url, degradedAboveMs: 50 });
    target.delayMs = 0;
    expect(result.status).toBe('degraded');
    expect(result.latencyMs).toBeGreaterThanOrEqual(140);
    expect(result.message).toBe(`HTTP 200 OK in ${result.latencyMs} ms (slower than 50 ms)`);
  });

  it('is up when faster, or when the threshold is off', async () => {
    expect(await probe({ url: target.url, degradedAboveMs: 2_000 })).toMatchObject({
      status: 'up',
      message: 'HTTP 200 OK',
    });
    target.delayMs = 100;
    const off = await probe({ url: target.url, degradedAboveMs: 0 });
    target.delayMs = 0;
    expect(off).toMatchObject({ status: 'up', message: 'HTTP 200 OK' });
  });

  it('stays down, not degraded, on an unexpected status', async () => {
    target.delayMs = 100;
    target.status = 503;
    const result = await probe({ url: target.url, degradedAboveMs: 10 });
    target.delayMs = 0;
    target.status = 200;
    expect(result).toMatchObject({
      status: 'down',
      message: 'HTTP 503 Service Unavailable (expected 2xx)',
    });
  });
});

describe('http check: TLS', () => {
  let expiring: Certificate;
  let expired: Certificate;
  const servers: { url: string; stop(): Promise<void> }[] = [];
  let validUrl: string;
  let expiringUrl: string;
  let expiredUrl: string;
  let slowExpiringUrl: string;
  beforeAll(async () => {
    const start = async (certificate: Certificate, handler?: Handler) => {
      const server = await startHttpsTarget(certificate, handler);
      servers.push(server);
      return server.url;
    };
    expiring = selfSignedCertificate(5);
    expired = selfSignedCertificate(-3);
    validUrl = await start(selfSignedCertificate(365));
    expiringUrl = await start(expiring);
    expiredUrl = await start(expired);
    slowExpiringUrl = await start(expiring, (_req, res) => {
      setTimeout(() => res.end('slow'), 120);
      return true;
    });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('is down on a self-signed certificate', async () => {
    const result = await probe({ url: validUrl });
    expect(result).toMatchObject({
      status: 'down',
      message: 'DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate',
    });
  });

  it('is up on a self-signed certificate with ignoreTlsErrors', async () => {
    expect(await probe({ url: validUrl, ignoreTlsErrors: true })).toMatchObject({
      status: 'up',
      message: 'HTTP 200 OK',
    });
  });

  it('is degraded when the certificate expires within the warning days', async () => {
    const result = await probe({ url: expiringUrl, ignoreTlsErrors: true });
    expect(result).toMatchObject({
      status: 'degraded',
      message: `Certificate expires in 5 days (${expiryDay(expiring)})`,
    });
    const narrower = await probe({
      url: expiringUrl,
      ignoreTlsErrors: true,
      certificateWarningDays: 3,
    });
    expect(narrower).toMatchObject({ status: 'up', message: 'HTTP 200 OK' });
    const off = await probe({ url: expiringUrl, ignoreTlsErrors: true, certificateWarningDays: 0 });
    expect(off).toMatchObject({ status: 'up', message: 'HTTP 200 OK' });
  });

  it('says slowness before certificate expiry, and any down reason before both', async () => {
    const slow = await probe({ url: slowExpiringUrl, ignoreTlsErrors: true, degradedAboveMs: 50 });
    expect(slow.status).toBe('degraded');
    expect(slow.message).toMatch(/^HTTP 200 OK in \d+ ms \(slower than 50 ms\)$/);
    const missing = await probe({
      url: slowExpiringUrl,
      ignoreTlsErrors: true,
      degradedAboveMs: 50,
      keyword: 'fast',
    });
    expect(missing).toMatchObject({ status: 'down', message: 'Keyword "fast" not found' });
  });

  it('is down on an expired certificate, even with ignoreTlsErrors', async () => {
    const strict = await probe({ url: expiredUrl });
    expect(strict.status).toBe('down');
    expect(strict.message).toMatch(/CERT_HAS_EXPIRED|SELF_SIGNED/);
    expect(await probe({ url: expiredUrl, ignoreTlsErrors: true })).toMatchObject({
      status: 'down',
      message: `Certificate expired on ${expiryDay(expired)}`,
    });
  });
});

describe('http check: connections', () => {
  it('reuses a kept-alive connection, and retries once when the server dropped it', async () => {
    // The server hangs up on the second request of every connection, as a server does
    // when its keep-alive timeout strikes just as the connection is reused.
    const perSocket = new WeakMap<net.Socket, number>();
    let connections = 0;
    const target = await startHttpTarget((req, res) => {
      const socket = req.socket;
      if (!perSocket.has(socket)) connections++;
      const seen = (perSocket.get(socket) ?? 0) + 1;
      perSocket.set(socket, seen);
      if (seen === 2) {
        socket.destroy();
        return true;
      }
      res.writeHead(200, { connection: 'keep-alive' });
      res.end('ok');
      return true;
    });
    try {
      const first = await probe({ url: `${target.url}/a` });
      const second = await probe({ url: `${target.url}/b` });
      expect(first.status).toBe('up');
      expect(second).toMatchObject({ status: 'up', message: 'HTTP 200 OK' });
      // One kept-alive connection that was dropped, then one fresh one for the retry.
      expect(connections).toBe(2);
    } finally {
      await target.stop();
    }
  });
});
