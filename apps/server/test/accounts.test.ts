import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN, backends, startTestHub, type TestHub } from './harness.ts';
import { browserLogin, newAccount } from './accounts.ts';

describe.each(backends())('accounts, sessions and tokens on %s', (backend) => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub(backend, { start: false });
  });
  afterAll(() => t?.close());

  /** A request with a browser's cookies (and its CSRF token when given). */
  const asBrowser = (
    browser: { cookie: string },
    method: string,
    url: string,
    { payload, csrf }: { payload?: object; csrf?: string } = {},
  ) =>
    t.hub.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: browser.cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      ...(payload ? { payload } : {}),
    });

  describe('users', () => {
    it('lets an admin add, change, deactivate and delete accounts', async () => {
      const created = await t.api('POST', '/api/v1/users', {
        email: 'Kid@Example.com',
        name: 'Kid',
        role: 'viewer',
        password: 'twelve chars',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        email: 'kid@example.com',
        role: 'viewer',
        active: true,
      });
      expect(JSON.stringify(created.body)).not.toMatch(/password|argon/i);

      const duplicate = await t.api('POST', '/api/v1/users', {
        email: 'kid@example.com',
        role: 'viewer',
        password: 'twelve chars',
      });
      expect(duplicate.status).toBe(409);
      const short = await t.api('POST', '/api/v1/users', {
        email: 'x@example.com',
        role: 'boss',
        password: 'short',
      });
      expect(short.status).toBe(400);
      expect(Object.keys(short.body.fields).sort()).toEqual(['password', 'role']);

      const id = created.body.id as number;
      const promoted = await t.api('PATCH', `/api/v1/users/${id}`, { role: 'operator' });
      expect(promoted.body.role).toBe('operator');
      const list = await t.api('GET', '/api/v1/users');
      expect(list.body.results.map((u: { email: string }) => u.email)).toContain('kid@example.com');
      expect((await t.api('DELETE', `/api/v1/users/${id}`)).status).toBe(204);
      expect((await t.api('GET', `/api/v1/users/${id}`)).status).toBe(404);
    });

    it('never leaves the hub without an active admin', async () => {
      const me = await t.api('GET', '/api/v1/me');
      const id = me.body.id as number;
      for (const change of [{ role: 'viewer' }, { active: false }]) {
        const answer = await t.api('PATCH', `/api/v1/users/${id}`, change);
        expect(answer.status).toBe(409);
        expect(answer.body.message).toMatch(/at least one active admin/);
      }
      expect((await t.api('DELETE', `/api/v1/users/${id}`)).status).toBe(409);
      expect((await t.api('GET', '/api/v1/me')).body.role).toBe('admin');

      // With a second admin, the first may step down.
      const other = await newAccount(t, 'admin');
      const demoted = await t.api('PATCH', `/api/v1/users/${other.id}`, { role: 'viewer' });
      expect(demoted.body.role).toBe('viewer');
    });

    it('applies a demotion and a deactivation to every credential at once', async () => {
      const user = await newAccount(t, 'operator');
      const browser = await browserLogin(t, user.email, user.password);
      const pat = await t.api(
        'POST',
        '/api/v1/tokens',
        { name: 'ci', role: 'operator' },
        user.token,
      );
      const create = (token: string) =>
        t.api('POST', '/api/v1/services', { name: 'Allowed?' }, token);

      expect((await create(user.token)).status).toBe(201);
      await t.api('PATCH', `/api/v1/users/${user.id}`, { role: 'viewer' });
      expect((await create(user.token)).status).toBe(403);
      expect((await create(pat.body.token)).status).toBe(403);

      await t.api('PATCH', `/api/v1/users/${user.id}`, { active: false });
      expect((await t.api('GET', '/api/v1/me', undefined, user.token)).status).toBe(401);
      expect((await t.api('GET', '/api/v1/me', undefined, pat.body.token)).status).toBe(401);
      expect((await asBrowser(browser, 'GET', '/api/v1/me')).statusCode).toBe(401);
      const login = await t.api('POST', '/api/v1/auth/token', user, null);
      expect(login.status).toBe(401);
    });
  });

  describe('browser sessions', () => {
    it('sets an httpOnly, SameSite=Lax cookie, Secure only over HTTPS', async () => {
      const browser = await browserLogin(t, ADMIN.email, ADMIN.password);
      const session = browser.setCookies.find((c) => c.name === 'hh_session')!;
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(session.secure).toBeFalsy();
      const csrf = browser.setCookies.find((c) => c.name === 'hh_csrf')!;
      expect(csrf.httpOnly).toBeFalsy();
      expect(csrf.value).toBe(browser.csrf);
      const me = await asBrowser(browser, 'GET', '/api/v1/me');
      expect(me.json()).toMatchObject({ email: ADMIN.email });
    });

    it('wants the CSRF token on every change made with the cookie', async () => {
      const browser = await browserLogin(t, ADMIN.email, ADMIN.password);
      const payload = { name: 'From the browser' };
      const without = await asBrowser(browser, 'POST', '/api/v1/services', { payload });
      expect(without.statusCode).toBe(403);
      expect(without.json().code).toBe('csrf');
      const wrong = await asBrowser(browser, 'POST', '/api/v1/services', { payload, csrf: 'x' });
      expect(wrong.statusCode).toBe(403);
      const right = await asBrowser(browser, 'POST', '/api/v1/services', {
        payload,
        csrf: browser.csrf,
      });
      expect(right.statusCode).toBe(201);
    });

    it('ends the session at logout', async () => {
      const browser = await browserLogin(t, ADMIN.email, ADMIN.password);
      const out = await asBrowser(browser, 'POST', '/api/v1/auth/logout', { csrf: browser.csrf });
      expect(out.statusCode).toBe(204);
      expect((await asBrowser(browser, 'GET', '/api/v1/me')).statusCode).toBe(401);
    });

    it('refuses a stream opened with the cookie from another site’s page', async () => {
      const browser = await browserLogin(t, ADMIN.email, ADMIN.password);
      const base = await t.listen();
      const open = (origin: string) =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(`${base.replace('http', 'ws')}/ws/stream`, {
            headers: { cookie: browser.cookie, origin },
          });
          socket.once('open', () => {
            resolve(101);
            socket.close();
          });
          socket.once('unexpected-response', (_req, res) => {
            resolve(res.statusCode ?? 0);
            socket.terminate();
          });
          socket.once('error', () => undefined);
        });
      expect(await open('https://evil.example')).toBe(403);
      expect(await open(base)).toBe(101);
    });

    it('changes a password: old sessions and tokens end, this browser gets a new session', async () => {
      const user = await newAccount(t, 'viewer');
      const refresh = (await t.api('POST', '/api/v1/auth/token', user, null)).body.refresh;
      const other = await browserLogin(t, user.email, user.password);
      const browser = await browserLogin(t, user.email, user.password);

      const wrong = await asBrowser(browser, 'POST', '/api/v1/me/password', {
        payload: { currentPassword: 'not it', newPassword: 'a brand new one' },
        csrf: browser.csrf,
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().fields).toHaveProperty('currentPassword');

      const changed = await asBrowser(browser, 'POST', '/api/v1/me/password', {
        payload: { currentPassword: user.password, newPassword: 'a brand new one' },
        csrf: browser.csrf,
      });
      expect(changed.statusCode).toBe(204);
      expect((await asBrowser(other, 'GET', '/api/v1/me')).statusCode).toBe(401);
      expect((await asBrowser(browser, 'GET', '/api/v1/me')).statusCode).toBe(401);
      expect((await t.api('GET', '/api/v1/me', undefined, user.token)).status).toBe(401);
      const refreshed = await t.api('POST', '/api/v1/auth/token/refresh', { refresh }, null);
      expect(refreshed.status).toBe(401);

      const fresh = Object.fromEntries(changed.cookies.map((c) => [c.name, c.value]));
      const renewed = { cookie: `hh_session=${fresh.hh_session}` };
      expect((await asBrowser(renewed, 'GET', '/api/v1/me')).statusCode).toBe(200);
      const login = await t.api(
        'POST',
        '/api/v1/auth/token',
        { email: user.email, password: 'a brand new one' },
        null,
      );
      expect(login.status).toBe(200);
    });
  });

  it('forgets expired sessions when it sweeps', async () => {
    const me = await t.api('GET', '/api/v1/me');
    const stale = { userId: me.body.id as number, csrfToken: 'x', userAgent: '', ip: '' };
    await t.database.db
      .insertInto('sessions')
      .values([
        { ...stale, tokenHash: 'expired', createdAt: 0, lastSeenAt: 0, expiresAt: 1 },
        { ...stale, tokenHash: 'alive', createdAt: 0, lastSeenAt: 0, expiresAt: 8e12 },
      ])
      .execute();
    await t.hub.auth.sweep();
    const left = await t.database.db
      .selectFrom('sessions')
      .select('tokenHash')
      .where('tokenHash', 'in', ['expired', 'alive'])
      .execute();
    expect(left.map((r) => r.tokenHash)).toEqual(['alive']);
  });

  describe('refresh tokens', () => {
    it('rotate on use, and a replayed one revokes the whole sign-in', async () => {
      const user = await newAccount(t, 'viewer');
      const first = (await t.api('POST', '/api/v1/auth/token', user, null)).body;
      const second = await t.api('POST', '/api/v1/auth/token/refresh', first, null);
      expect(second.status).toBe(200);
      expect(second.body.refresh).not.toBe(first.refresh);
      expect((await t.api('GET', '/api/v1/me', undefined, second.body.access)).status).toBe(200);

      const replay = await t.api('POST', '/api/v1/auth/token/refresh', first, null);
      expect(replay.status).toBe(401);
      // The thief replayed first; the owner's newer token died with the family.
      const owner = await t.api('POST', '/api/v1/auth/token/refresh', second.body, null);
      expect(owner.status).toBe(401);
    });
  });

  describe('personal access tokens', () => {
    it('are shown once, kept as a hash, and record when they were last used', async () => {
      const user = await newAccount(t, 'operator');
      const created = await t.api(
        'POST',
        '/api/v1/tokens',
        { name: 'GitHub Actions', role: 'viewer' },
        user.token,
      );
      expect(created.status).toBe(201);
      const secret = created.body.token as string;
      expect(secret).toMatch(/^hhp_[\w-]{40,}$/);
      expect(created.body).toMatchObject({ role: 'viewer', prefix: secret.slice(0, 10) });
      expect(created.body.lastUsedAt).toBeNull();

      expect((await t.api('GET', '/api/v1/services', undefined, secret)).status).toBe(200);
      // A token made as viewer cannot change anything, whatever its owner may do.
      const write = await t.api('POST', '/api/v1/services', { name: 'nope' }, secret);
      expect(write.status).toBe(403);

      const listed = await t.api('GET', '/api/v1/tokens', undefined, user.token);
      expect(listed.body.results).toHaveLength(1);
      expect(listed.body.results[0].lastUsedAt).not.toBeNull();
      expect(JSON.stringify(listed.body)).not.toContain(secret);
      const stored = await t.database.db.selectFrom('apiTokens').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(secret);
    });

    it('never carry a role above their owner’s, nor an expiry in the past', async () => {
      const user = await newAccount(t, 'operator');
      const higher = await t.api(
        'POST',
        '/api/v1/tokens',
        { name: 'x', role: 'admin' },
        user.token,
      );
      expect(higher.status).toBe(400);
      expect(higher.body.fields.role).toMatch(/no higher than your own/);
      const past = await t.api(
        'POST',
        '/api/v1/tokens',
        { name: 'x', role: 'viewer', expiresAt: '2020-01-01T00:00:00Z' },
        user.token,
      );
      expect(past.status).toBe(400);
      expect(past.body.fields).toHaveProperty('expiresAt');
    });

    it('stop working when they expire', async () => {
      const expiresAt = new Date(Date.now() + 1500).toISOString();
      const created = await t.api('POST', '/api/v1/tokens', {
        name: 'short',
        role: 'viewer',
        expiresAt,
      });
      const secret = created.body.token as string;
      expect((await t.api('GET', '/api/v1/me', undefined, secret)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect((await t.api('GET', '/api/v1/me', undefined, secret)).status).toBe(401);
    });

    it('can be revoked by their owner or an admin, and by no one else', async () => {
      const owner = await newAccount(t, 'operator');
      const stranger = await newAccount(t, 'operator');
      const one = (
        await t.api('POST', '/api/v1/tokens', { name: 'a', role: 'viewer' }, owner.token)
      ).body;
      const two = (
        await t.api('POST', '/api/v1/tokens', { name: 'b', role: 'viewer' }, owner.token)
      ).body;

      const byStranger = await t.api(
        'DELETE',
        `/api/v1/tokens/${one.id}`,
        undefined,
        stranger.token,
      );
      expect(byStranger.status).toBe(404);
      expect(
        (await t.api('GET', '/api/v1/tokens?all=true', undefined, stranger.token)).status,
      ).toBe(403);
      const everyone = await t.api('GET', '/api/v1/tokens?all=true');
      expect(everyone.body.results.map((k: { id: number }) => k.id)).toEqual(
        expect.arrayContaining([one.id, two.id]),
      );

      expect(
        (await t.api('DELETE', `/api/v1/tokens/${one.id}`, undefined, owner.token)).status,
      ).toBe(204);
      expect((await t.api('DELETE', `/api/v1/tokens/${two.id}`)).status).toBe(204);
      for (const token of [one.token, two.token]) {
        expect((await t.api('GET', '/api/v1/me', undefined, token)).status).toBe(401);
      }
    });
  });

  describe('sign-in protection and the audit trail', () => {
    it('slows guessing with a clear 429, and logs failures where only admins see them', async () => {
      const user = await newAccount(t, 'viewer');
      for (let i = 0; i < 5; i++) {
        const wrong = await t.api(
          'POST',
          '/api/v1/auth/token',
          { ...user, password: 'guess' },
          null,
        );
        expect(wrong.status).toBe(401);
      }
      const wrong = await t.api('POST', '/api/v1/auth/login', { ...user, password: 'guess' }, null);
      expect(wrong.status).toBe(401);
      // Now locked, even with the right password, until the wait is over.
      const locked = await t.api('POST', '/api/v1/auth/token', user, null);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(locked.body.message).toMatch(/try again in \d+ s/);

      const events = await t.api('GET', '/api/v1/events?limit=200');
      const failed = events.body.results.filter(
        (e: { type: string; data: { action: string; email?: string } }) =>
          e.type === 'audit' && e.data.action === 'login_failed' && e.data.email === user.email,
      );
      expect(failed).toHaveLength(6);
      const actions = new Set(
        events.body.results
          .filter((e: { type: string }) => e.type === 'audit')
          .map((e: { data: { action: string } }) => e.data.action),
      );
      for (const action of ['login', 'user_created', 'token_created', 'token_revoked', 'logout']) {
        expect(actions).toContain(action);
      }
      const asViewer = await newAccount(t, 'viewer');
      const viewerEvents = await t.api(
        'GET',
        '/api/v1/events?limit=200',
        undefined,
        asViewer.token,
      );
      expect(viewerEvents.status).toBe(200);
      expect(viewerEvents.body.results.some((e: { type: string }) => e.type === 'audit')).toBe(
        false,
      );
      const trail = await t.api('GET', '/api/v1/events?type=audit&limit=500');
      expect(trail.body.results.length).toBeGreaterThan(10);
      expect(trail.body.results.every((e: { type: string }) => e.type === 'audit')).toBe(true);
      const asked = await t.api('GET', '/api/v1/events?type=audit', undefined, asViewer.token);
      expect(asked.body.results).toEqual([]);
    });
  });
});
