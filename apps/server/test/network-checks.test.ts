import dgram from 'node:dgram';
import { X509Certificate } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsConfig, PingConfig, TlsConfig } from '@homehub/contracts';
import { dnsCheck, reverseName } from '../src/modules/checks/types/dns.check.ts';
import {
  judgePing,
  parsePingOutput,
  pingCheck,
  pingWith,
  PING_UNAVAILABLE,
} from '../src/modules/checks/types/ping.check.ts';
import { judgeCertificate, tlsCheck } from '../src/modules/checks/types/tls.check.ts';
import { selfSignedCertificate } from './certificates.ts';
import { context, probe } from './probe.ts';
import { closedPort } from './targets.ts';

// ---------------------------------------------------------------------------------------------
// DNS: a real authoritative server on UDP, answering from a small zone.

const ZONE: Record<string, dnsPacket.Answer[]> = {
  'home.lan': [
    { type: 'A', name: 'home.lan', data: '10.0.0.5' },
    { type: 'AAAA', name: 'home.lan', data: '2001:db8::5' },
    { type: 'MX', name: 'home.lan', data: { preference: 10, exchange: 'mail.home.lan' } },
    { type: 'MX', name: 'home.lan', data: { preference: 20, exchange: 'backup.home.lan' } },
    { type: 'TXT', name: 'home.lan', data: ['v=spf1 ', 'mx -all'] },
    { type: 'NS', name: 'home.lan', data: 'ns1.home.lan' },
    { type: 'CAA', name: 'home.lan', data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
    {
      type: 'SOA',
      name: 'home.lan',
      data: { mname: 'ns1.home.lan', rname: 'hostmaster.home.lan', serial: 2026010101 },
    },
  ],
  'www.home.lan': [{ type: 'CNAME', name: 'www.home.lan', data: 'home.lan' }],
  '_http._tcp.home.lan': [
    {
      type: 'SRV',
      name: '_http._tcp.home.lan',
      data: { priority: 0, weight: 5, port: 8080, target: 'web.home.lan' },
    },
  ],
  '5.0.0.10.in-addr.arpa': [{ type: 'PTR', name: '5.0.0.10.in-addr.arpa', data: 'nas.home.lan' }],
};
/** A name this server never answers for, so a query for it can only time out. */
const SILENT = 'silent.home.lan';
const NXDOMAIN = 3;

interface DnsServer {
  resolver: string;
  queries: number;
  stop(): Promise<void>;
}

async function startDnsServer(): Promise<DnsServer> {
  const socket = dgram.createSocket('udp4');
  const server: DnsServer = {
    resolver: '',
    queries: 0,
    stop: () => new Promise((resolve) => socket.close(() => resolve())),
  };
  socket.on('message', (message, from) => {
    server.queries++;
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    if (!question || question.name === SILENT) return;
    const records = ZONE[question.name.toLowerCase()];
    const answers = (records ?? []).filter(
      (record) => record.type === question.type || record.type === 'CNAME',
    );
    const reply = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (records ? 0 : NXDOMAIN),
      questions: [question],
      answers,
    });
    socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  server.resolver = `127.0.0.1:${socket.address().port}`;
  return server;
}

describe('dns check against a real DNS server', () => {
  let server: DnsServer;
  beforeAll(async () => {
    server = await startDnsServer();
  });
  afterAll(() => server.stop());

  const dns = (fields: Record<string, unknown>) =>
    DnsConfig.parse({ resolver: server.resolver, ...fields });

  it('is up on an answer, asks the configured resolver and times the answer', async () => {
    const before = server.queries;
    const result = await probe(dnsCheck, dns({ name: 'home.lan' }));
    expect(result).toMatchObject({ status: 'up', message: 'A home.lan → 10.0.0.5' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.latencyMs).toBeLessThan(1_000);
    expect(server.queries).toBe(before + 1);
  });

  it('is up when one answer equals the expected value', async () => {
    const result = await probe(dnsCheck, dns({ name: 'home.lan', expected: '10.0.0.5' }));
    expect(result.status).toBe('up');
  });

  it('is down on another answer and says what it got and expected', async () => {
    const result = await probe(dnsCheck, dns({ name: 'home.lan', expected: '10.0.0.9' }));
    expect(result.status).toBe('down');
    expect(result.message).toBe('A home.lan → 10.0.0.5 (expected 10.0.0.9)');
    expect(result.latencyMs).not.toBeNull();
  });

  it('compares IPv6 addresses whatever their spelling', async () => {
    const config = dns({ name: 'home.lan', recordType: 'AAAA', expected: '2001:DB8:0:0::5' });
    const result = await probe(dnsCheck, config);
    expect(result).toMatchObject({ status: 'up', message: 'AAAA home.lan → 2001:db8::5' });
    const other = await probe(dnsCheck, { ...config, expected: '2001:db8::6' });
    expect(other.status).toBe('down');
  });

  it('compares names ignoring case and a trailing dot', async () => {
    const cname = dns({ name: 'www.home.lan', recordType: 'CNAME', expected: 'HOME.lan.' });
    expect(await probe(dnsCheck, cname)).toMatchObject({
      status: 'up',
      message: 'CNAME www.home.lan → home.lan',
    });
    const mx = dns({ name: 'home.lan', recordType: 'MX', expected: '20 Backup.Home.Lan.' });
    expect(await probe(dnsCheck, mx)).toMatchObject({
      status: 'up',
      message: 'MX home.lan → 10 mail.home.lan, 20 backup.home.lan',
    });
  });

  it('joins the chunks of a TXT record and compares it exactly', async () => {
    const txt = dns({ name: 'home.lan', recordType: 'TXT', expected: 'v=spf1 mx -all' });
    expect(await probe(dnsCheck, txt)).toMatchObject({
      status: 'up',
      message: 'TXT home.lan → v=spf1 mx -all',
    });
    const shouted = await probe(dnsCheck, { ...txt, expected: 'V=SPF1 MX -ALL' });
    expect(shouted.status).toBe('down');
  });

  it('renders NS, SRV, SOA and CAA answers as one line each', async () => {
    const message = async (name: string, recordType: string) =>
      (await probe(dnsCheck, dns({ name, recordType }))).message;
    expect(await message('home.lan', 'NS')).toBe('NS home.lan → ns1.home.lan');
    expect(await message('_http._tcp.home.lan', 'SRV')).toBe(
      'SRV _http._tcp.home.lan → 0 5 8080 web.home.lan',
    );
    expect(await message('home.lan', 'SOA')).toBe(
      'SOA home.lan → ns1.home.lan hostmaster.home.lan 2026010101',
    );
    expect(await message('home.lan', 'CAA')).toBe('CAA home.lan → 0 issue letsencrypt.org');
  });

  it('looks up the PTR of an address given as such', async () => {
    const result = await probe(dnsCheck, dns({ name: '10.0.0.5', recordType: 'PTR' }));
    expect(result).toMatchObject({ status: 'up', message: 'PTR 10.0.0.5 → nas.home.lan' });
  });

  it('is down on NXDOMAIN, saying so', async () => {
    const result = await probe(dnsCheck, dns({ name: 'nothere.home.lan' }));
    expect(result.status).toBe('down');
    expect(result.message).toBe('A nothere.home.lan: no such name (NXDOMAIN)');
    expect(result.latencyMs).not.toBeNull();
  });

  it('is down when the name has no record of that type', async () => {
    const result = await probe(dnsCheck, dns({ name: 'home.lan', recordType: 'SRV' }));
    expect(result).toMatchObject({ status: 'down', message: 'SRV home.lan: no SRV record' });
  });

  it('stops waiting as soon as the check is aborted', async () => {
    // The resolver alone would wait seconds (its timeout comes from timeoutMs); the abort wins.
    const ctx = { signal: AbortSignal.timeout(200), timeoutMs: 10_000 };
    const started = performance.now();
    const result = await probe(dnsCheck, dns({ name: SILENT }), ctx);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(result).toMatchObject({ status: 'down', message: 'Timed out after 10 s' });
  });

  it('refuses a resolver port out of range instead of asking another port', async () => {
    // The schema refuses it; the check still guards a config that never went through it.
    expect(DnsConfig.safeParse({ name: 'home.lan', resolver: '127.0.0.1:99999' }).success).toBe(
      false,
    );
    const result = await probe(dnsCheck, {
      ...dns({ name: 'home.lan' }),
      resolver: '127.0.0.1:99999',
    });
    expect(result).toMatchObject({
      status: 'down',
      message: 'Invalid resolver "127.0.0.1:99999": the port must be 1 to 65535',
    });
    const v6 = await probe(dnsCheck, { ...dns({ name: 'home.lan' }), resolver: '[::1]:0' });
    expect(v6.message).toBe('Invalid resolver "[::1]:0": the port must be 1 to 65535');
  });

  it('is down when the resolver never answers', async () => {
    const result = await probe(dnsCheck, dns({ name: SILENT }), context(2_000));
    expect(result.status).toBe('down');
    expect(result.message).toBe(`A ${SILENT}: no answer from ${server.resolver}`);
    expect(result.latencyMs).toBeNull();
  });
});

describe('reverseName', () => {
  it('spells the PTR name of IPv4 and IPv6 addresses', () => {
    expect(reverseName('10.0.0.5')).toBe('5.0.0.10.in-addr.arpa');
    expect(reverseName('2001:db8::1')).toBe(
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    );
    expect(reverseName('::ffff:10.0.0.5')).toBe(
      '5.0.0.0.0.0.a.0.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Ping: the system's iputils ping, for real.

const ping = (fields: Record<string, unknown>) => PingConfig.parse(fields);

describe('ping check with the real ping', () => {
  it('is up when the host answers, with the numbers ping printed', async () => {
    const result = await probe(pingCheck, ping({ host: '127.0.0.1', count: 3 }), context(5_000));
    expect(result.status).toBe('up');
    expect(result.message).toMatch(/^3\/3 replies, 0% loss, avg \d+(\.\d+)? ms$/);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.latencyMs).toBeLessThan(50);
    // Rounded to 0.1 ms.
    expect(Math.round(result.latencyMs! * 10)).toBeCloseTo(result.latencyMs! * 10, 9);
  });

  it('is down with 100% loss when nothing answers', async () => {
    // TEST-NET-3 is never routed; a hub without any route says so instead of losing packets.
    const result = await probe(pingCheck, ping({ host: '203.0.113.1', count: 1 }), context(3_000));
    expect(result.status).toBe('down');
    expect(result.latencyMs).toBeNull();
    expect(result.message).toMatch(/^0\/\d+ replies, 100% loss$|unreachable/i);
  });

  it('is down with "Timed out" when aborted mid-run', async () => {
    // Twenty probes take ~4 s; the abort kills ping long before.
    const started = performance.now();
    const result = await probe(pingCheck, ping({ host: '127.0.0.1', count: 20 }), context(300));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ status: 'down', message: 'Timed out after 0.3 s' });
  });

  it('never hands ping a host that reads as an option', async () => {
    // The schema refuses it; the check still guards a config that never went through it.
    expect(PingConfig.safeParse({ host: '-V' }).success).toBe(false);
    const config = { ...ping({ host: '127.0.0.1' }), host: '-V' };
    const result = await probe(pingCheck, config);
    expect(result).toMatchObject({
      status: 'down',
      message: 'Invalid host "-V": a host cannot start with "-"',
    });
  });

  it('says how to fix a hub without ping', async () => {
    const missing = pingWith('/nonexistent/bin/ping');
    const result = await probe(missing, ping({ host: '127.0.0.1' }));
    expect(result).toEqual({ status: 'down', latencyMs: null, message: PING_UNAVAILABLE });
    expect(PING_UNAVAILABLE).toBe('ping is not available on this hub: install iputils-ping');
  });
});

describe('ping output', () => {
  const lossy = [
    'PING 10.0.0.7 (10.0.0.7) 56(84) bytes of data.',
    '--- 10.0.0.7 ping statistics ---',
    '4 packets transmitted, 3 received, +1 errors, 25% packet loss, time 611ms',
    'rtt min/avg/max/mdev = 1.102/1.234/1.400/0.120 ms',
  ].join('\n');

  it('reads the statistics, errors and all', () => {
    expect(parsePingOutput(lossy)).toEqual({ transmitted: 4, received: 3, avgMs: 1.234 });
    expect(parsePingOutput('ping: connect: Network is unreachable')).toBeUndefined();
  });

  it('is degraded from the configured loss, up below it', () => {
    const summary = parsePingOutput(lossy)!;
    expect(judgePing(summary, 25)).toEqual({
      status: 'degraded',
      latencyMs: 1.2,
      message: '3/4 replies, 25% loss, avg 1.23 ms',
    });
    expect(judgePing(summary, 26).status).toBe('up');
  });

  it('is down only when every packet is lost', () => {
    expect(judgePing({ transmitted: 3, received: 0, avgMs: null }, 100)).toEqual({
      status: 'down',
      latencyMs: null,
      message: '0/3 replies, 100% loss',
    });
    expect(judgePing({ transmitted: 3, received: 1, avgMs: 5 }, 100).status).toBe('up');
  });
});

// ---------------------------------------------------------------------------------------------
// TLS: a real TLS server with real openssl certificates.

interface TlsServer {
  port: number;
  /** The SNI names clients sent, in order. */
  serverNames: string[];
  stop(): Promise<void>;
}

async function startTlsServer(days: number): Promise<TlsServer & { validTo: Date }> {
  const { key, cert } = selfSignedCertificate(days);
  const serverNames: string[] = [];
  const server = tls.createServer({
    key,
    cert,
    SNICallback: (name, done) => {
      serverNames.push(name);
      done(null);
    },
  });
  // Clients hang up right after the handshake; that is not the server's concern here.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    serverNames,
    validTo: new Date(new X509Certificate(cert).validTo),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

describe('tls check against a real server', () => {
  let fresh: Awaited<ReturnType<typeof startTlsServer>>;
  let expired: Awaited<ReturnType<typeof startTlsServer>>;
  beforeAll(async () => {
    [fresh, expired] = await Promise.all([startTlsServer(90), startTlsServer(-3)]);
  });
  afterAll(() => Promise.all([fresh.stop(), expired.stop()]));

  const tlsConfig = (port: number, fields: Record<string, unknown> = {}) =>
    TlsConfig.parse({ host: '127.0.0.1', port, ...fields });

  it('is down on a self-signed chain, naming the reason, and times the handshake', async () => {
    const result = await probe(tlsCheck, tlsConfig(fresh.port));
    expect(result.status).toBe('down');
    expect(result.message).toBe('Untrusted certificate: DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.latencyMs).toBeLessThan(2_000);
  });

  it('sends the server name as SNI, and none for an IP address', async () => {
    const before = fresh.serverNames.length;
    await probe(tlsCheck, tlsConfig(fresh.port));
    expect(fresh.serverNames.length).toBe(before);
    const named = await probe(tlsCheck, tlsConfig(fresh.port, { serverName: 'localhost' }));
    expect(fresh.serverNames.at(-1)).toBe('localhost');
    // localhost is in the certificate: the chain is the only complaint.
    expect(named.message).toBe('Untrusted certificate: DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('is down when the certificate does not cover the name', async () => {
    const result = await probe(tlsCheck, tlsConfig(fresh.port, { serverName: 'nas.example.com' }));
    expect(result.status).toBe('down');
    expect(result.message).toContain("Host: nas.example.com. is not in the cert's altnames");
    expect(fresh.serverNames.at(-1)).toBe('nas.example.com');
  });

  it('is down with the date when the certificate has expired', async () => {
    const result = await probe(tlsCheck, tlsConfig(expired.port));
    expect(result.status).toBe('down');
    expect(result.message).toBe(`Certificate expired on ${isoDate(expired.validTo)}`);
  });

  it('is down with the reason when nothing listens', async () => {
    const result = await probe(tlsCheck, tlsConfig(await closedPort()));
    expect(result.status).toBe('down');
    expect(result.message).toMatch(/ECONNREFUSED/);
  });

  it('is down with "Timed out" when the server never completes the handshake', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const result = await probe(tlsCheck, tlsConfig(port), context(200));
    silent.close();
    expect(result).toMatchObject({ status: 'down', message: 'Timed out after 0.2 s' });
  });
});

describe('judgeCertificate', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const trusted = {
    authorized: true,
    authorizationError: undefined,
    hostnameError: undefined,
    issuer: "Let's Encrypt",
    now,
    warningDays: 14,
  };
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

  it('is up with the expiry and the issuer', () => {
    expect(judgeCertificate({ ...trusted, validTo: inDays(90) })).toEqual({
      status: 'up',
      message: "Valid until 2027-02-26 (90 days), issued by Let's Encrypt",
    });
  });

  it('is degraded within the warning, up outside it or with the warning off', () => {
    expect(judgeCertificate({ ...trusted, validTo: inDays(5) })).toEqual({
      status: 'degraded',
      message: 'Certificate expires in 5 days (2026-12-03)',
    });
    expect(judgeCertificate({ ...trusted, validTo: inDays(0.5) }).message).toBe(
      'Certificate expires within a day (2026-11-29)',
    );
    expect(judgeCertificate({ ...trusted, validTo: inDays(14) }).status).toBe('up');
    expect(judgeCertificate({ ...trusted, validTo: inDays(5), warningDays: 0 }).status).toBe('up');
  });

  it('is down once expired, however trusted', () => {
    expect(judgeCertificate({ ...trusted, validTo: inDays(-2) })).toEqual({
      status: 'down',
      message: 'Certificate expired on 2026-11-26',
    });
  });

  it('names every problem at once', () => {
    const facts = {
      ...trusted,
      authorized: false,
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      hostnameError: 'Host: nas.lan. is not in the cert',
      validTo: inDays(-2),
    };
    expect(judgeCertificate(facts).message).toBe(
      'Certificate expired on 2026-11-26; Untrusted certificate: DEPTH_ZERO_SELF_SIGNED_CERT; ' +
        'Host: nas.lan. is not in the cert',
    );
  });

  it('still reports an expired intermediate while the leaf is in date', () => {
    const facts = {
      ...trusted,
      authorized: false,
      authorizationError: 'CERT_HAS_EXPIRED',
      validTo: inDays(90),
    };
    expect(judgeCertificate(facts)).toEqual({
      status: 'down',
      message: 'Untrusted certificate: CERT_HAS_EXPIRED',
    });
  });
});
