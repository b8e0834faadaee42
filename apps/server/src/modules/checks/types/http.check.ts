import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { TLSSocket } from 'node:tls';
import { HttpConfig } from '@homehub/contracts';
import { defineCheckType, type Observation, type ProbeContext } from '../check.types.ts';

const MAX_REDIRECTS = 10;
const USER_AGENT = 'HomeHubMonitor/0.1';
/** A health page fits easily; anything bigger is cut here instead of being buffered whole. */
const BODY_CAP_BYTES = 1024 * 1024;
const BODY_CAP_LABEL = '1 MiB';
const DAY_MS = 86_400_000;
/** Headers that belong to the configured origin and are not carried to another one. */
const ORIGIN_BOUND_HEADERS = new Set(['authorization', 'cookie', 'host']);
/** Decodes UTF-8 and drops a leading byte order mark, which JSON.parse would choke on. */
const utf8 = new TextDecoder();

/** "2xx", "200" or "200-299" → a predicate, compiled once per config. */
export function statusMatcher(patterns: readonly string[]): (code: number) => boolean {
  const ranges = patterns.map((p) => {
    if (p.endsWith('xx')) {
      const base = Number(p[0]) * 100;
      return [base, base + 99] as const;
    }
    const [from, to] = p.split('-').map(Number);
    return [from!, to ?? from!] as const;
  });
  return (code) => ranges.some(([from, to]) => code >= from && code <= to);
}

export interface JsonPath {
  /** The path as messages show it, always starting with "$". */
  label: string;
  segments: (string | number)[];
}

/** "$.status", "status" or "data.items[0].ok" (already validated by the schema) → segments. */
export function parseJsonPath(path: string): JsonPath {
  const segments: (string | number)[] = [];
  for (const [, key, index] of path.matchAll(/([A-Za-z0-9_-]+)|\[(\d+)\]/g)) {
    segments.push(index === undefined ? key! : Number(index));
  }
  const label = path.startsWith('$') ? path : path.startsWith('[') ? `$${path}` : `$.${path}`;
  return { label, segments };
}

const MISSING = Symbol('missing');

function valueAt(root: unknown, segments: readonly (string | number)[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) {
      return MISSING;
    }
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Everything about a config the hot path needs, worked out once per config object. */
interface Plan {
  url: URL;
  expected: (code: number) => boolean;
  headers: OutgoingHttpHeaders;
  /** For a redirect to another origin: no credentials, no Host meant for the first one. */
  foreignHeaders: OutgoingHttpHeaders;
  body: string;
  rejectUnauthorized: boolean;
  readBody: boolean;
  jsonPath: JsonPath | undefined;
  checkCertificate: boolean;
}

const plans = new WeakMap<HttpConfig, Plan>();

function planFor(config: HttpConfig): Plan {
  let plan = plans.get(config);
  if (!plan) {
    plan = compile(config);
    plans.set(config, plan);
  }
  return plan;
}

function compile(config: HttpConfig): Plan {
  const headers = requestHeaders(config);
  const foreignHeaders = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !ORIGIN_BOUND_HEADERS.has(name.toLowerCase())),
  );
  return {
    url: new URL(config.url),
    expected: statusMatcher(config.expectedStatus),
    headers,
    foreignHeaders,
    body: config.body,
    rejectUnauthorized: !config.ignoreTlsErrors,
    readBody: Boolean(config.keyword || config.jsonPath),
    jsonPath: config.jsonPath ? parseJsonPath(config.jsonPath) : undefined,
    checkCertificate: config.certificateWarningDays > 0,
  };
}

/** Defaults, then the configured headers (any case overrides), then the auth setting. */
function requestHeaders(config: HttpConfig): OutgoingHttpHeaders {
  const byName = new Map<string, [string, string]>();
  const set = (name: string, value: string) => byName.set(name.toLowerCase(), [name, value]);
  set('User-Agent', USER_AGENT);
  set('Accept', '*/*');
  for (const [name, value] of Object.entries(config.headers)) set(name, value);
  const authorization = authorizationOf(config);
  if (authorization) set('Authorization', authorization);
  return Object.fromEntries(byName.values());
}

function authorizationOf(config: HttpConfig): string | undefined {
  switch (config.auth) {
    case 'basic':
      return `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`;
    case 'bearer':
      return `Bearer ${config.token}`;
    case 'none':
      return undefined;
  }
}

interface Body {
  bytes: Buffer;
  /** The body went on past BODY_CAP_BYTES and was not read further. */
  truncated: boolean;
}

interface Answer {
  statusCode: number;
  statusMessage: string;
  /** Set when this answer is a redirect to follow. */
  location?: string;
  /** Only on the final answer, and only when the config looks into the body. */
  body?: Body;
  /** Epoch ms, only on a final HTTPS answer when the certificate is to be checked. */
  certificateExpiresAt?: number;
}

/**
 * Connections are kept alive and shared between checks of the same origin (many checks
 * go to one reverse proxy): a connect and a TLS handshake per run is most of a probe's
 * cost. An idle connection is closed after 4 s, before the usual 5 s server timeouts.
 */
const AGENT_OPTIONS = {
  keepAlive: true,
  timeout: 4_000,
  maxFreeSockets: 256,
  scheduling: 'lifo',
} as const;
const AGENTS = { 'http:': new http.Agent(AGENT_OPTIONS), 'https:': new https.Agent(AGENT_OPTIONS) };

/** A kept-alive connection the server closed just as it was reused: not the target's fault. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE']);

const isRedirect = (code: number) => code >= 300 && code < 400;
const sendsBody = (method: string) => method !== 'GET' && method !== 'HEAD';

/** One request and its answer; the body is read only when it is to be checked. */
function exchange(
  plan: Plan,
  url: URL,
  method: string,
  mayFollow: boolean,
  context: ProbeContext,
  fresh = false,
): Promise<Answer> {
  const isHttps = url.protocol === 'https:';
  const transport = isHttps ? https : http;
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions = {
      method,
      headers: url.origin === plan.url.origin ? plan.headers : plan.foreignHeaders,
      signal: context.signal,
      // The agent pools by TLS options too, so ignoring TLS errors never shares a connection.
      agent: fresh ? false : AGENTS[isHttps ? 'https:' : 'http:'],
      rejectUnauthorized: plan.rejectUnauthorized,
    };
    const req = transport.request(url, options, (res) => {
      res.on('error', reject);
      const statusCode = res.statusCode ?? 0;
      const answer: Answer = { statusCode, statusMessage: res.statusMessage ?? '' };
      const { location } = res.headers;
      // A redirect the user expects (e.g. "301") is an answer, not a hop to follow.
      if (mayFollow && location && isRedirect(statusCode) && !plan.expected(statusCode)) {
        answer.location = location;
      } else {
        if (plan.checkCertificate) answer.certificateExpiresAt = certificateExpiry(res);
        // An unexpected status is down whatever the body says.
        if (plan.readBody && plan.expected(statusCode)) {
          collectBody(res, (body) => {
            answer.body = body;
            resolve(answer);
          });
          return;
        }
      }
      res.on('end', () => resolve(answer));
      res.resume();
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (req.reusedSocket && !fresh && STALE_CONNECTION.has(error.code ?? '')) {
        resolve(exchange(plan, url, method, mayFollow, context, true));
      } else {
        reject(error);
      }
    });
    if (plan.body && sendsBody(method)) {
      // Node frames only POST, PUT and PATCH bodies by itself; DELETE and OPTIONS need this.
      req.setHeader('Content-Length', Buffer.byteLength(plan.body));
      req.end(plan.body);
    } else {
      req.end();
    }
  });
}

/** Reads up to BODY_CAP_BYTES, then drops the connection rather than read on. */
function collectBody(res: IncomingMessage, done: (body: Body) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    if (size + chunk.length > BODY_CAP_BYTES) {
      chunks.push(chunk.subarray(0, BODY_CAP_BYTES - size));
      done({ bytes: Buffer.concat(chunks, BODY_CAP_BYTES), truncated: true });
      res.destroy();
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  res.on('end', () => done({ bytes: Buffer.concat(chunks, size), truncated: false }));
}

function certificateExpiry(res: IncomingMessage): number | undefined {
  if (!(res.socket instanceof TLSSocket)) return undefined;
  // An empty object when there is no certificate: valid_to is then undefined.
  const validTo = res.socket.getPeerCertificate().valid_to as string | undefined;
  const at = validTo ? Date.parse(validTo) : Number.NaN;
  return Number.isNaN(at) ? undefined : at;
}

/** What browsers do: a 303 turns a request into a GET, and so does a 301/302 a POST. */
function methodAfterRedirect(statusCode: number, method: string): string {
  if (statusCode === 303 && method !== 'HEAD') return 'GET';
  if ((statusCode === 301 || statusCode === 302) && method === 'POST') return 'GET';
  return method;
}

/** Down reasons first, then degraded ones, else up. */
function judge(config: HttpConfig, plan: Plan, answer: Answer, latencyMs: number): Observation {
  const line = `HTTP ${answer.statusCode}${answer.statusMessage ? ' ' + answer.statusMessage : ''}`;
  const problem = plan.expected(answer.statusCode)
    ? (bodyProblem(config, plan, answer.body) ?? expiredProblem(answer.certificateExpiresAt))
    : `${line} (expected ${config.expectedStatus.join(', ')})`;
  if (problem) return { status: 'down', latencyMs, message: problem };
  const warning =
    slownessWarning(config, line, latencyMs) ?? expiryWarning(config, answer.certificateExpiresAt);
  if (warning) return { status: 'degraded', latencyMs, message: warning };
  return { status: 'up', latencyMs, message: line };
}

function bodyProblem(config: HttpConfig, plan: Plan, body: Body | undefined): string | undefined {
  if (!body) return undefined;
  const keyword = config.keyword
    ? keywordProblem(config.keyword, config.keywordAbsent, body)
    : undefined;
  if (keyword || !plan.jsonPath) return keyword;
  return jsonProblem(plan.jsonPath, config.jsonValue, body);
}

/** Case-sensitive; a keyword that must be absent counts as absent if not in what was read. */
function keywordProblem(keyword: string, absent: boolean, body: Body): string | undefined {
  const found = body.bytes.includes(keyword);
  if (absent) return found ? `Keyword "${keyword}" found` : undefined;
  if (found) return undefined;
  return body.truncated
    ? `Keyword "${keyword}" not found in the first ${BODY_CAP_LABEL}`
    : `Keyword "${keyword}" not found`;
}

function jsonProblem(path: JsonPath, expected: string, body: Body): string | undefined {
  if (body.truncated) return `Response is larger than ${BODY_CAP_LABEL}; JSON not checked`;
  let document: unknown;
  try {
    document = JSON.parse(utf8.decode(body.bytes));
  } catch (error) {
    return `Response is not valid JSON (${(error as Error).message})`;
  }
  const value = valueAt(document, path.segments);
  if (value === MISSING) return `JSON ${path.label} not found`;
  if (expected) {
    const text =
      typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    return text === expected
      ? undefined
      : `JSON ${path.label} is "${clip(text)}" (expected "${expected}")`;
  }
  return value
    ? undefined
    : `JSON ${path.label} is ${JSON.stringify(value)} (expected a truthy value)`;
}

/** Keeps a message readable when the value found is a whole object. */
function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Reachable only with ignoreTlsErrors: otherwise the handshake already failed. */
function expiredProblem(expiresAt: number | undefined): string | undefined {
  if (expiresAt === undefined || expiresAt > Date.now()) return undefined;
  return `Certificate expired on ${isoDay(expiresAt)}`;
}

function slownessWarning(config: HttpConfig, line: string, latencyMs: number): string | undefined {
  const limit = config.degradedAboveMs;
  if (limit === 0 || latencyMs <= limit) return undefined;
  return `${line} in ${latencyMs} ms (slower than ${limit} ms)`;
}

function expiryWarning(config: HttpConfig, expiresAt: number | undefined): string | undefined {
  if (expiresAt === undefined) return undefined;
  const left = expiresAt - Date.now();
  if (left > config.certificateWarningDays * DAY_MS) return undefined;
  const days = Math.round(left / DAY_MS);
  const when = days === 0 ? 'less than a day' : days === 1 ? '1 day' : `${days} days`;
  return `Certificate expires in ${when} (${isoDay(expiresAt)})`;
}

const isoDay = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

export const httpCheck = defineCheckType({
  type: 'http',
  config: HttpConfig,
  async run(config, context) {
    const plan = planFor(config);
    const started = performance.now();
    let url = plan.url;
    let method: string = config.method;
    for (let hop = 0; ; hop++) {
      const mayFollow = config.followRedirects && hop < MAX_REDIRECTS;
      const answer = await exchange(plan, url, method, mayFollow, context);
      if (answer.location === undefined) {
        return judge(config, plan, answer, Math.round(performance.now() - started));
      }
      url = new URL(answer.location, url);
      method = methodAfterRedirect(answer.statusCode, method);
    }
  },
});
