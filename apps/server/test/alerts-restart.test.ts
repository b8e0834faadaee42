import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from './harness.ts';
import { startReceiver, type HttpReceiver } from './receivers.ts';
import { closedPort } from './targets.ts';

const SERVER_DIR = path.resolve(import.meta.dirname, '..');
const ADMIN = { email: 'killed@example.com', password: 'restart password' };

/**
 * The hub as a real process, killed with SIGKILL while a notification is on the wire: no
 * shutdown code runs. The next process on the same (SQLite) database sends it again, and the
 * receiver, dropping a repeated idempotency key, takes it exactly once.
 */
describe('a hub killed mid-delivery', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hh-kill-'));
  const children = new Set<ChildProcess>();
  let receiver: HttpReceiver | undefined;

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await receiver?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startHub(port: number) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        WEB_DIR: path.join(dataDir, 'no-dashboard'),
        LOG_LEVEL: 'silent',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        ENABLE_DOCKER_EVENTS: 'false',
      },
      stdio: 'ignore',
    });
    children.add(child);
    const base = `http://127.0.0.1:${port}`;
    await eventually(
      async () => (await fetch(`${base}/healthz`)).ok,
      20_000,
      'the hub process to listen',
    );
    const login = await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { access } = (await login.json()) as { access: string };
    const api = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${access}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    return { child, api, base };
  }

  it('sends after the restart what was on the wire when it died, once', async () => {
    receiver = await startReceiver();
    receiver.answer = { status: 200, body: '{}', hang: true };
    const port = await closedPort();
    const first = await startHub(port);

    const channel = await first.api('POST', '/api/v1/channels', {
      name: 'Hook',
      type: 'webhook',
      config: { url: `${receiver.url}/hook` },
    });
    expect(channel.status).toBe(201);
    const service = await first.api('POST', '/api/v1/services', { name: 'Backups' });
    const check = await first.api('POST', '/api/v1/checks', {
      serviceId: service.body.id,
      name: 'nightly',
      type: 'push',
      intervalSeconds: 86_400,
      config: {},
    });
    const rule = await first.api('POST', '/api/v1/rules', {
      name: 'Backups',
      events: ['down'],
      serviceIds: [service.body.id],
      channelIds: [channel.body.id],
      groupWaitSeconds: 0,
      groupIntervalSeconds: 60,
    });
    expect(rule.status).toBe(201);
    // The job reports a failure through its push URL: the check turns down, an alert fires.
    const pushed = await fetch(`${first.base}${check.body.pushUrl as string}fail`, {
      method: 'POST',
    });
    expect(pushed.status).toBe(200);

    const [onTheWire] = await receiver.waitFor(1, 15_000);
    const key = onTheWire!.headers['idempotency-key'] as string;
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    children.delete(first.child);

    receiver.answer = { status: 200, body: '{}', hang: false };
    const second = await startHub(port);
    const [, resent] = await receiver.waitFor(2, 15_000);
    expect(resent!.headers['idempotency-key']).toBe(key);
    expect(resent!.raw).toBe(onTheWire!.raw);
    const delivered = new Set(receiver.requests.map((r) => r.headers['idempotency-key']));
    expect(delivered.size).toBe(1);

    const notification = await eventually(
      async () => {
        const alerts = await second.api('GET', `/api/v1/alerts?serviceId=${service.body.id}`);
        const [n] = alerts.body.results[0].notifications;
        return n.status === 'sent' ? n : null;
      },
      5000,
      'the notification marked sent',
    );
    expect(notification.idempotencyKey).toBe(key);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.requests).toHaveLength(2);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
    children.delete(second.child);
  }, 60_000);
});
