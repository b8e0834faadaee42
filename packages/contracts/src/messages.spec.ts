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
