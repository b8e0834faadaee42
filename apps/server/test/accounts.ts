import type { Role } from '@homehub/contracts';
import type { TestHub } from './harness.ts';

export interface TestAccount {
  id: number;
  email: string;
  password: string;
  role: Role;
  /** An access token from POST /auth/token. */
  token: string;
}

let serial = 0;

/** A new account with that role, created by the hub's admin, signed in through the API. */
export async function newAccount(t: TestHub, role: Role): Promise<TestAccount> {
  const email = `${role}-${++serial}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = `${role} password ${serial}`;
  const created = await t.api('POST', '/api/v1/users', { email, password, role, name: role });
  if (created.status !== 201) throw new Error(`user not created: ${JSON.stringify(created.body)}`);
  const login = await t.api('POST', '/api/v1/auth/token', { email, password }, null);
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return {
    id: created.body.id as number,
    email,
    password,
    role,
    token: login.body.access as string,
  };
}

/** A browser's sign-in: the cookies to send back and the CSRF token for changes. */
export async function browserLogin(t: TestHub, email: string, password: string) {
  const response = await t.hub.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookies = Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
  return {
    cookie: `hh_session=${cookies.hh_session}; hh_csrf=${cookies.hh_csrf}`,
    csrf: response.json<{ csrfToken: string }>().csrfToken,
    setCookies: response.cookies,
  };
}
