import http from 'node:http';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Observation } from '../src/modules/checks/check.types.ts';
import type { TestHub as Hub } from './harness.ts';

/** One request a receiver took: as it came over the wire. */
export interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The raw body, byte for byte: signatures are checked over exactly this. */
  raw: string;
  json: any;
}

/** A local HTTP server standing in for Slack, Discord, ntfy, Gotify, Telegram or a webhook. */
export interface HttpReceiver {
  url: string;
  requests: Received[];
  /** How to answer; by default 200 with an empty JSON object. `hang` never answers. */
  answer: { status: number; body: string; hang: boolean };
  /** Resolves when the receiver has taken `count` requests. */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  stop(): Promise<void>;
}

export async function startReceiver(port = 0): Promise<HttpReceiver> {
  const sockets = new Set<net.Socket>();
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(raw);
      } catch {
        /* not JSON: the test looks at raw */
      }
      receiver.requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        raw,
        json,
      });
      for (const wake of waiters.splice(0)) wake();
      if (receiver.answer.hang) return;
      res.writeHead(receiver.answer.status, { 'content-type': 'application/json' });
      res.end(receiver.answer.body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const receiver: HttpReceiver = {
    url: `http://127.0.0.1:${address.port}`,
    requests: [],
    answer: { status: 200, body: '{}', hang: false },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (receiver.requests.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new Error(`expected ${count} requests, got ${receiver.requests.length}`);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return receiver.requests;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

/** One message an SMTP sink took, with its envelope. */
export interface Mail {
  from: string;
  to: string[];
  raw: string;
  /** Header lines, unfolded, by lower-case name. */
  headers: Map<string, string>;
  /** The decoded text/plain and text/html parts. */
  text: string;
  html: string;
}

export interface SmtpSink {
  port: number;
  mails: Mail[];
  waitFor(count: number, timeoutMs?: number): Promise<Mail[]>;
  stop(): Promise<void>;
}

/** quoted-printable, as nodemailer writes body parts: soft breaks and =XX escapes. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** RFC 2047 encoded words in a header ("=?UTF-8?Q?=5BTEST=5D_Home?="), joined as one text. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

/** Splits a MIME message into its text and HTML parts; enough for what nodemailer sends. */
function parseMail(raw: string): Pick<Mail, 'headers' | 'text' | 'html'> {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers.set(line.slice(0, colon).toLowerCase(), decodeHeader(line.slice(colon + 1).trim()));
    }
  }
  const body = rest.join('\n\n');
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`) : [body];
  let text = '';
  let html = '';
  for (const part of parts) {
    const [partHead = '', ...partBody] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const content = partBody.join('\n\n');
    const decoded = /quoted-printable/i.test(partHead)
      ? decodeQuotedPrintable(content)
      : /base64/i.test(partHead)
        ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8')
        : content;
    if (/content-type:\s*text\/plain/i.test(partHead)) text = decoded;
    if (/content-type:\s*text\/html/i.test(partHead)) html = decoded;
  }
  return { headers, text, html };
}

/**
 * A real SMTP server that accepts anything and keeps what it received: in plain text by
 * default; with a certificate it offers STARTTLS, or (`implicitTls`) speaks TLS from the start.
 */
export async function startSmtpSink(tls?: {
  key: string;
  cert: string;
  implicitTls: boolean;
}): Promise<SmtpSink> {
  const waiters: (() => void)[] = [];
  const sink: SmtpSink = {
    port: 0,
    mails: [],
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (sink.mails.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} mails, got ${sink.mails.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return sink.mails;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    ...(tls
      ? { key: tls.key, cert: tls.cert, secure: tls.implicitTls }
      : { disabledCommands: ['STARTTLS'] }),
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        sink.mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMail(raw),
        });
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  // A client that refuses the certificate drops the connection mid-handshake: the sink's
  // problem to ignore, not a test failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  return sink;
}

// ---- driving a hub's checks, as the state machine would see them ---------------------------

export const UP: Observation = { status: 'up', latencyMs: 5, message: 'HTTP 200 OK' };
export const DOWN: Observation = { status: 'down', latencyMs: null, message: 'ECONNREFUSED' };

/**
 * A service with a push check that is never probed (its interval is a day): every status
 * change it makes is one the test feeds the state machine.
 */
export async function quietCheck(
  t: Hub,
  name = `Service ${Math.random().toString(36).slice(2, 8)}`,
  labels: { group?: string; tags?: string[] } = {},
) {
  const service = await t.api('POST', '/api/v1/services', { name, ...labels });
  const check = await t.api('POST', '/api/v1/checks', {
    serviceId: service.body.id,
    name: 'job',
    type: 'push',
    intervalSeconds: 86_400,
    config: {},
  });
  if (check.status !== 201) throw new Error(`check not created: ${JSON.stringify(check.body)}`);
  const deadline = Date.now() + 3000;
  while (t.hub.tracker.statusOf(check.body.id as number) === undefined) {
    if (Date.now() > deadline) throw new Error('the check was not tracked');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const checkId = check.body.id as number;
  t.hub.tracker.record(checkId, UP);
  return { serviceId: service.body.id as number, checkId, name };
}

/** Waits `ms`: for asserting that nothing more arrives. */
export const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
