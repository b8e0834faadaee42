import { isIP } from 'node:net';
import tls from 'node:tls';
import { TlsConfig } from '@homehub/contracts';
import { defineCheckType, type Observation, type ProbeContext } from '../check.types.ts';

const DAY_MS = 86_400_000;

export interface CertificateFacts {
  /** Whether the chain verified against the hub's trusted CAs. */
  authorized: boolean;
  /** OpenSSL's reason when it did not, e.g. DEPTH_ZERO_SELF_SIGNED_CERT. */
  authorizationError: string | undefined;
  /** Why the certificate does not cover the name asked for; undefined when it does. */
  hostnameError: string | undefined;
  validTo: Date;
  issuer: string;
  now: Date;
  warningDays: number;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Down for every reason the certificate cannot be trusted (all of them, so one fix does not
 * reveal the next), degraded when it expires within the warning, up otherwise.
 */
export function judgeCertificate(facts: CertificateFacts): Pick<Observation, 'status' | 'message'> {
  const msLeft = facts.validTo.getTime() - facts.now.getTime();
  const until = isoDate(facts.validTo);
  const problems: string[] = [];
  const expired = msLeft <= 0;
  if (expired) problems.push(`Certificate expired on ${until}`);
  // An expired leaf fails the chain check too, which the line above already says; an expired
  // intermediate does not show in the leaf's date and must still be named.
  if (!facts.authorized && !(expired && facts.authorizationError === 'CERT_HAS_EXPIRED')) {
    problems.push(`Untrusted certificate: ${facts.authorizationError ?? 'unknown reason'}`);
  }
  if (facts.hostnameError) problems.push(facts.hostnameError);
  if (problems.length) return { status: 'down', message: problems.join('; ') };

  const daysLeft = Math.floor(msLeft / DAY_MS);
  if (facts.warningDays > 0 && msLeft < facts.warningDays * DAY_MS) {
    const within = daysLeft === 0 ? 'within a day' : `in ${plural(daysLeft, 'day')}`;
    return { status: 'degraded', message: `Certificate expires ${within} (${until})` };
  }
  return {
    status: 'up',
    message: `Valid until ${until} (${plural(daysLeft, 'day')}), issued by ${facts.issuer}`,
  };
}

/** Node documents an Error but hands over OpenSSL's code as a string; accept both. */
function reasonOf(error: unknown): string | undefined {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return typeof error === 'string' && error ? error : undefined;
}

/** The issuer's organisation, else its common name. */
function issuerOf(certificate: tls.PeerCertificate): string {
  const { O, CN } = certificate.issuer ?? {};
  return String(O || CN || 'an unnamed issuer');
}

function factsOf(
  socket: tls.TLSSocket,
  name: string,
  warningDays: number,
): CertificateFacts | undefined {
  const certificate = socket.getPeerCertificate();
  if (!certificate.valid_to) return undefined;
  return {
    authorized: socket.authorized,
    authorizationError: reasonOf(socket.authorizationError),
    hostnameError: tls.checkServerIdentity(name, certificate)?.message,
    validTo: new Date(certificate.valid_to),
    issuer: issuerOf(certificate),
    now: new Date(),
    warningDays,
  };
}

/**
 * Verification is done here rather than by Node (rejectUnauthorized: false), so that an
 * untrusted or expired certificate is reported with its details instead of a bare error.
 */
function inspect(config: TlsConfig, context: ProbeContext): Promise<Observation> {
  const name = config.serverName || config.host;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: config.host,
      port: config.port,
      // SNI carries host names only; sending an IP address there is a protocol error.
      servername: isIP(name) ? undefined : name,
      rejectUnauthorized: false,
    });
    // Node's types do not declare tls.connect's `signal`, so the abort is wired by hand.
    const abort = () => socket.destroy(new Error('aborted', { cause: context.signal.reason }));
    if (context.signal.aborted) abort();
    context.signal.addEventListener('abort', abort, { once: true });
    socket.once('close', () => context.signal.removeEventListener('abort', abort));

    socket.once('secureConnect', () => {
      const latencyMs = Math.round(performance.now() - started);
      const facts = factsOf(socket, name, config.certificateWarningDays);
      socket.destroy();
      resolve(
        facts
          ? { ...judgeCertificate(facts), latencyMs }
          : { status: 'down', latencyMs, message: 'The server sent no certificate' },
      );
    });
    socket.once('error', (error: Error) => {
      socket.destroy();
      reject(error);
    });
  });
}

export const tlsCheck = defineCheckType({
  type: 'tls',
  config: TlsConfig,
  run: inspect,
});
