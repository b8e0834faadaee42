import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ADMIN } from '../playwright.config.ts';
import { cspViolations, watchCsp } from './csp.ts';

test('an admin sets up a webhook channel and a rule, and the test message arrives', async ({
  page,
}) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  // Specs share one hub: what this one breaks is removed again, so others count right.
  let cleanUp = async () => {};
  await watchCsp(page);
  try {
    await page.goto('/login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Alerts' }).click();
    await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
    await expect(page.getByText('Nothing is firing')).toBeVisible();

    await page.getByRole('button', { name: 'Add channel' }).click();
    const channelDialog = page.getByRole('dialog', { name: 'Add a channel' });
    await channelDialog.getByLabel('Name').fill('Home webhook');
    await channelDialog.getByLabel('URL').fill(url);
    await channelDialog.getByLabel('Signing secret').fill('e2e-secret');
    await channelDialog.getByRole('button', { name: 'Add channel' }).click();
    await expect(channelDialog).toBeHidden();

    const channels = page.getByRole('region', { name: 'Channels' });
    await expect(channels).toContainText('Home webhook');
    await channels.getByRole('button', { name: 'Send test' }).click();
    await expect(channels.getByRole('status')).toContainText('Delivered');
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['x-homehub-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ kind: 'test', version: 1 });

    await page.getByRole('button', { name: 'Add rule' }).click();
    const ruleDialog = page.getByRole('dialog', { name: 'Add a rule' });
    await ruleDialog.getByLabel('Name').fill('Everything down');
    await ruleDialog.getByRole('checkbox', { name: 'Home webhook' }).check();
    await ruleDialog.getByLabel('Group wait (s)').fill('0');
    await ruleDialog.getByRole('button', { name: 'Add rule' }).click();
    await expect(ruleDialog).toBeHidden();
    await expect(page.getByRole('region', { name: 'Rules' })).toContainText('Everything down');

    // A job reports a failure: the alert appears live, is sent, and an admin acknowledges it.
    const api = async (path: string, body?: unknown, token?: string) => {
      const res = await page.request.post(path, {
        ...(body === undefined ? {} : { data: body }),
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const { access } = (await api('/api/v1/auth/token', ADMIN)) as { access: string };
    const service = await api('/api/v1/services', { name: 'Nightly backup' }, access);
    const check = await api(
      '/api/v1/checks',
      { serviceId: service.id, name: 'restic', type: 'push', intervalSeconds: 86_400, config: {} },
      access,
    );
    cleanUp = async () => {
      await page.request.delete(`/api/v1/services/${String(service.id)}`, {
        headers: { authorization: `Bearer ${access}` },
      });
    };
    await page.request.post(`${String(check.pushUrl)}fail`);
    const firing = page.getByRole('region', { name: 'Firing now' });
    await expect(firing).toContainText('Nightly backup is down');
    await expect.poll(() => received.length).toBe(2);
    expect(JSON.parse(received[1]!.body)).toMatchObject({ kind: 'firing' });
    await firing.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(firing).toContainText(`Acknowledged by ${ADMIN.email}`);
    await firing.getByText(/^Why:/).click();
    await expect(firing).toContainText('Sent the firing message to "Home webhook"');

    await page.screenshot({ path: 'docs/alerts.png', fullPage: true });
    expect(await cspViolations(page)).toEqual([]);
  } finally {
    await cleanUp();
    await new Promise((resolve) => receiver.close(resolve));
  }
});
