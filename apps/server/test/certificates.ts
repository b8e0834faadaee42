import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Certificate {
  key: string;
  cert: string;
}

const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });

/** "YYMMDDHHMMSSZ", the date form `openssl ca` takes. */
const stamp = (date: Date) => date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';

/**
 * A real self-signed certificate for `commonName` and 127.0.0.1, made by openssl, that
 * expires in `days` (negative: expired that many days ago).
 */
export function selfSignedCertificate(days: number, commonName = 'localhost'): Certificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'hhm-cert-'));
  const file = (name: string) => path.join(dir, name);
  try {
    openssl([
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      file('key.pem'),
      '-out',
      file('req.csr'),
      '-subj',
      `/CN=${commonName}`,
      '-addext',
      `subjectAltName=DNS:${commonName},IP:127.0.0.1`,
    ]);
    // `openssl ca` signs with explicit dates, so a certificate can be made already expired.
    writeFileSync(file('index.txt'), '');
    writeFileSync(file('serial'), '01\n');
    writeFileSync(
      file('ca.cnf'),
      [
        '[ca]',
        'default_ca = local',
        '[local]',
        `dir = ${dir}`,
        'database = $dir/index.txt',
        'new_certs_dir = $dir',
        'serial = $dir/serial',
        'default_md = sha256',
        'policy = any',
        'copy_extensions = copy',
        '[any]',
        'commonName = supplied',
        '',
      ].join('\n'),
    );
    const end = new Date(Date.now() + days * 86_400_000);
    const start = new Date(Math.min(Date.now(), end.getTime()) - 30 * 86_400_000);
    openssl([
      'ca',
      '-batch',
      '-config',
      file('ca.cnf'),
      '-selfsign',
      '-keyfile',
      file('key.pem'),
      '-in',
      file('req.csr'),
      '-out',
      file('cert.pem'),
      '-notext',
      '-startdate',
      stamp(start),
      '-enddate',
      stamp(end),
    ]);
    return {
      key: readFileSync(file('key.pem'), 'utf8'),
      cert: readFileSync(file('cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
