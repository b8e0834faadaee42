import { describe, expect, it } from 'vitest';
import { CheckCreate, ServiceCreate, TokenRequest } from './index.ts';

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('validation messages', () => {
  it('reads like a person wrote them', () => {
    expect(messages(ServiceCreate.safeParse({ name: '' }))).toEqual({ name: 'Required' });
    expect(messages(TokenRequest.safeParse({ email: 'nope' }))).toEqual({
      email: 'Must be an email address',
      password: 'Required',
    });
    const check = messages(
      CheckCreate.safeParse({
        serviceId: 1,
        name: 'x',
        type: 'tcp',
        intervalSeconds: 0,
        config: { host: 'h', port: 70000 },
      }),
    );
    expect(check).toEqual({
      intervalSeconds: 'Must be at least 1',
      'config.port': 'Must be at most 65535',
    });
  });

  it('keeps a schema’s own message', () => {
    const check = messages(
      CheckCreate.safeParse({ serviceId: 1, name: 'x', type: 'http', config: { url: 'ftp://x' } }),
    );
    expect(check['config.url']).toMatch(/http/);
  });
});

describe('check config rules', () => {
  it('accepts resolvers as an IP with an optional port, and nothing else', async () => {
    const { isResolver } = await import('./check-types/dns.ts');
    expect(['', '192.168.1.1', '10.0.0.1:5353', 'fd00::1', '[fd00::1]:53'].every(isResolver)).toBe(
      true,
    );
    expect(['1..2', '10.0.0.1:0', '10.0.0.1:99999', 'dns.lan', '[fd00::1]'].some(isResolver)).toBe(
      false,
    );
  });

  it('refuses a host that could be read as a command-line option', async () => {
    const { HostName } = await import('./check-types/shared.ts');
    expect(HostName.safeParse('-V').success).toBe(false);
    expect(HostName.safeParse('nas.lan').success).toBe(true);
  });
});
