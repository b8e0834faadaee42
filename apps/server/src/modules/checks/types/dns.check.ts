import { promises as dns } from 'node:dns';
import { isIP, isIPv6 } from 'node:net';
import { DnsConfig } from '@homehub/contracts';
import { defineCheckType, type Observation, type ProbeContext } from '../check.types.ts';

type RecordType = DnsConfig['recordType'];

/** One retry rides out a lost UDP packet. */
const TRIES = 2;
/**
 * c-ares can wait up to twice its timeout on a try (1.34 does), so each try gets a fifth of
 * the check's timeout: both fit, and a silent resolver is reported as such. The abort signal
 * remains the hard stop whatever the c-ares version does.
 */
const TIMEOUT_SLICES = 5;
/** Answers shown in a message; a long TXT or round-robin set is cut short. */
const MAX_LISTED = 5;

/** Asks for one record type and renders each answer as one line of text. */
const QUERIES: Record<RecordType, (resolver: dns.Resolver, name: string) => Promise<string[]>> = {
  A: (r, name) => r.resolve4(name),
  AAAA: (r, name) => r.resolve6(name),
  CNAME: (r, name) => r.resolveCname(name),
  MX: async (r, name) =>
    (await r.resolveMx(name)).map(({ priority, exchange }) => `${priority} ${exchange}`),
  TXT: async (r, name) => (await r.resolveTxt(name)).map((chunks) => chunks.join('')),
  NS: (r, name) => r.resolveNs(name),
  SRV: async (r, name) =>
    (await r.resolveSrv(name)).map((s) => `${s.priority} ${s.weight} ${s.port} ${s.name}`),
  PTR: (r, name) => r.resolvePtr(isIP(name) ? reverseName(name) : name),
  SOA: async (r, name) => {
    const soa = await r.resolveSoa(name);
    return [`${soa.nsname} ${soa.hostmaster} ${soa.serial}`];
  },
  CAA: async (r, name) =>
    (await r.resolveCaa(name)).map(({ critical, ...property }) => {
      const [tag, value] = Object.entries(property)[0] ?? ['', ''];
      return `${critical} ${tag} ${String(value)}`;
    }),
};

/** 10.0.0.5 → 5.0.0.10.in-addr.arpa, so a PTR check can name the address itself. */
export function reverseName(address: string): string {
  if (isIPv6(address)) return [...ipv6Nibbles(address)].reverse().join('.') + '.ip6.arpa';
  return address.split('.').reverse().join('.') + '.in-addr.arpa';
}

/** An IPv6 address as its 32 hex digits, whatever its spelling ("::", an IPv4 tail, case). */
function ipv6Nibbles(address: string): string {
  let text = address.toLowerCase();
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
    text = `${text.slice(0, ipv4Tail.index)}${hex(a, b)}:${hex(c, d)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.padStart(4, '0')).join('');
}

/** The form two answers are compared in: names ignore case and a trailing dot; TXT is exact. */
function comparable(recordType: RecordType, value: string): string {
  if (recordType === 'TXT') return value;
  if (recordType === 'AAAA' && isIPv6(value)) return ipv6Nibbles(value);
  return value
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\.(?= |$)/g, '');
}

function listAnswers(answers: string[]): string {
  const shown = answers.slice(0, MAX_LISTED).join(', ');
  const more = answers.length - MAX_LISTED;
  return more > 0 ? `${shown} (+${more} more)` : shown;
}

/** A negative answer is still an answer: it says what the resolver replied, readably. */
function negativeAnswer(code: unknown, config: DnsConfig): string | undefined {
  switch (code) {
    case dns.NOTFOUND:
      return 'no such name (NXDOMAIN)';
    case dns.NODATA:
      return `no ${config.recordType} record`;
    case dns.SERVFAIL:
      return 'the resolver failed (SERVFAIL)';
    case dns.REFUSED:
      return 'the resolver refused the query';
    case dns.TIMEOUT:
    case dns.CONNREFUSED:
      return `no answer from ${config.resolver || 'the system resolver'}`;
    default:
      return undefined;
  }
}

/**
 * The schema admits any five digits as a resolver's port, and setServers silently wraps one
 * above 65535 onto another port, so it is refused here. (A bare IPv6 address has no port.)
 */
function assertResolverPort(resolver: string): void {
  const port = /(?:^[\d.]+|\]):(\d+)$/.exec(resolver)?.[1];
  if (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535)) {
    throw new Error(`Invalid resolver "${resolver}": the port must be 1 to 65535`);
  }
}

/** A resolver of its own per run: `cancel()` then stops this run's query and no other's. */
function resolverFor(config: DnsConfig, context: ProbeContext): dns.Resolver {
  assertResolverPort(config.resolver);
  const timeout = Math.max(100, Math.floor(context.timeoutMs / TIMEOUT_SLICES));
  const resolver = new dns.Resolver({ timeout, tries: TRIES });
  // Without servers of its own, the resolver keeps the system's (resolv.conf).
  if (config.resolver) resolver.setServers([config.resolver]);
  return resolver;
}

async function resolve(config: DnsConfig, context: ProbeContext): Promise<Observation> {
  context.signal.throwIfAborted();
  const resolver = resolverFor(config, context);
  const cancel = () => resolver.cancel();
  context.signal.addEventListener('abort', cancel, { once: true });
  const label = `${config.recordType} ${config.name}`;
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const answers = await QUERIES[config.recordType](resolver, config.name);
    const latencyMs = elapsed();
    const got = `${label} → ${answers.length ? listAnswers(answers) : 'no answer'}`;
    if (!config.expected) {
      return { status: answers.length ? 'up' : 'down', latencyMs, message: got };
    }
    const wanted = comparable(config.recordType, config.expected);
    const matches = answers.some((answer) => comparable(config.recordType, answer) === wanted);
    return matches
      ? { status: 'up', latencyMs, message: got }
      : { status: 'down', latencyMs, message: `${got} (expected ${config.expected})` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = context.signal.aborted ? undefined : negativeAnswer(code, config);
    if (!reason) throw error;
    const answered = code !== dns.TIMEOUT && code !== dns.CONNREFUSED;
    return {
      status: 'down',
      latencyMs: answered ? elapsed() : null,
      message: `${label}: ${reason}`,
    };
  } finally {
    context.signal.removeEventListener('abort', cancel);
  }
}

export const dnsCheck = defineCheckType({
  type: 'dns',
  config: DnsConfig,
  run: resolve,
});
