// A minimal client for the hub's JSON API: signs in, and signs in again when a token expires.
const { fetch } = globalThis;

export function hubClient(baseUrl, credentials) {
  let access;

  async function login() {
    const res = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (res.status !== 200) throw new Error(`login: HTTP ${res.status} ${await res.text()}`);
    access = (await res.json()).access;
  }

  /** Sends JSON (if any) and returns the parsed answer; a 401 signs in again, once. */
  async function call(method, path, body, retried = false) {
    if (!access) await login();
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${access}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 401 && !retried) {
      access = undefined;
      return call(method, path, body, true);
    }
    if (res.status >= 300)
      throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }

  return {
    login,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}

/** The hub's readiness probe answers 200. It lives at /readyz (outside /api/v1) in this
 *  version; /api/v1/readyz is tried too in case it moves under the API prefix. */
export async function isReady(baseUrl) {
  for (const path of ['/readyz', '/api/v1/readyz']) {
    const res = await fetch(`${baseUrl}${path}`);
    await res.arrayBuffer();
    if (res.status === 200) return true;
  }
  return false;
}

/** Runs `task(i)` for i in [0, count) with at most `parallel` in flight. */
export async function inParallel(count, parallel, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
}
