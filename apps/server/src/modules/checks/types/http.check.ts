import http from 'node:http';
import https from 'node:https';
import { HttpConfig } from '@homehub/contracts';
import { defineCheckType, type ProbeContext } from '../check.types.ts';

const MAX_REDIRECTS = 10;
const USER_AGENT = 'HomeHubMonitor/0.1';

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

interface Response {
  statusCode: number;
  statusMessage: string;
  location: string | undefined;
}

/** One request; the body is drained and dropped (nothing in it is checked yet). */
function request(url: URL, method: string, context: ProbeContext): Promise<Response> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      { method, signal: context.signal, headers: { 'user-agent': USER_AGENT, accept: '*/*' } },
      (res) => {
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            statusCode: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? '',
            location: res.headers.location,
          }),
        );
        res.resume();
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export const httpCheck = defineCheckType({
  type: 'http',
  config: HttpConfig,
  async run(config, context) {
    const started = performance.now();
    const expected = statusMatcher(config.expectedStatus);
    let url = new URL(config.url);
    let method: string = config.method;
    for (let hop = 0; ; hop++) {
      const res = await request(url, method, context);
      const isRedirect = res.statusCode >= 300 && res.statusCode < 400 && res.location;
      // A redirect the user expects (e.g. "301") is an answer, not a hop to follow.
      if (isRedirect && !expected(res.statusCode) && hop < MAX_REDIRECTS) {
        url = new URL(res.location!, url);
        if (res.statusCode === 303) method = 'GET';
        continue;
      }
      const latencyMs = Math.round(performance.now() - started);
      const line = `HTTP ${res.statusCode}${res.statusMessage ? ' ' + res.statusMessage : ''}`;
      return expected(res.statusCode)
        ? { status: 'up', latencyMs, message: line }
        : {
            status: 'down',
            latencyMs,
            message: `${line} (expected ${config.expectedStatus.join(', ')})`,
          };
    }
  },
});
