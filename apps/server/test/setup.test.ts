import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub, type Hub } from '../src/app.ts';
import { backends, openTestDatabase, type TestDatabase } from './harness.ts';

describe.each(backends())('first run without ADMIN_EMAIL on %s', (backend) => {
  let db: TestDatabase;
  let hub: Hub;
  let setupToken: string | null;

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    hub = await buildHub({ config: db.config, database: db.database });
    ({ setupToken } = await hub.auth.bootstrap(undefined));
  });
  afterAll(async () => {
    await hub?.close();
    await db?.dispose();
  });

  const post = (url: string, payload: object) => hub.app.inject({ method: 'POST', url, payload });
  const account = { email: 'owner@example.com', name: 'Owner', password: 'a long password' };

  it('makes a one-time setup token and says setup is needed', async () => {
    expect(setupToken).toMatch(/^[\w-]{24,}$/);
    const status = await hub.app.inject({ method: 'GET', url: '/api/v1/auth/setup' });
    expect(status.json()).toEqual({ needed: true });
  });

  it('refuses a wrong token and a weak password, creating nobody', async () => {
    const wrong = await post('/api/v1/auth/setup', { ...account, token: 'guess' });
    expect(wrong.statusCode).toBe(403);
    const weak = await post('/api/v1/auth/setup', {
      ...account,
      token: setupToken,
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toHaveProperty('password');
    expect((await post('/api/v1/auth/token', account)).statusCode).toBe(401);
  });

  it('creates the first admin once, signed in, and the link is spent', async () => {
    const created = await post('/api/v1/auth/setup', { ...account, token: setupToken });
    expect(created.statusCode).toBe(201);
    const me = await hub.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${created.json().access}` },
    });
    expect(me.json()).toMatchObject({ email: account.email, name: 'Owner', role: 'admin' });
    const again = await post('/api/v1/auth/setup', {
      ...account,
      email: 'x@example.com',
      token: setupToken,
    });
    expect(again.statusCode).toBe(409);
    expect((await post('/api/v1/auth/token', account)).statusCode).toBe(200);
  });
});
