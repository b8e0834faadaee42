import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN } from '../playwright.config.ts';
import { cspViolations, watchCsp } from './csp.ts';

/** A local webhook receiver that keeps what it is sent. */
async function startReceiver() {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The API as the admin, with a bearer token (the page's own session is the browser's). */
async function apiOf(page: Page) {
  const login = await page.request.post('/api/v1/auth/token', { data: ADMIN });
  const { access } = (await login.json()) as { access: string };
  const headers = { authorization: `Bearer ${access}` };
  return {
    post: async (path: string, data: unknown) =>
      (await (await page.request.post(path, { data, headers })).json()) as Record<string, unknown>,
    get: async (path: string) =>
      (await (await page.request.get(path, { headers })).json()) as Record<string, unknown>,
    delete: (path: string) => page.request.delete(path, { headers }),
  };
}

test('an admin sets up a webhook channel and a rule, and the test message arrives', async ({
  page,
}) => {
  const receiver = await startReceiver();
  const { received, url } = receiver;
  // Specs share one hub: what this one breaks is removed again, so others count right.
  let cleanUp = async () => {};
  await watchCsp(page);
  try {
    await signIn(page);
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
    await receiver.close();
  }
});

test('rules and silences pick services by tag; a silence is edited and ended; history pages', async ({
  page,
}) => {
  const receiver = await startReceiver();
  // One resolved alert a page, so a handful of alerts is enough to page through.
  await page.route(/\/api\/v1\/alerts\?.*state=resolved/, (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '1');
    return route.continue({ url: url.toString() });
  });
  await watchCsp(page);
  await signIn(page);
  const api = await apiOf(page);
  const channel = await api.post('/api/v1/channels', {
    name: 'Tag hook',
    type: 'webhook',
    config: { url: receiver.url },
  });
  const service = await api.post('/api/v1/services', { name: 'Media box', tags: ['e2e-media'] });
  const checks = await Promise.all(
    ['films', 'music', 'photos'].map((name) =>
      api.post('/api/v1/checks', {
        serviceId: service.id,
        name,
        type: 'push',
        intervalSeconds: 86_400,
        config: {},
      }),
    ),
  );
  try {
    await page.getByRole('link', { name: 'Alerts' }).click();
    await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();

    // A rule for everything tagged e2e-media, the tag typed as a chip.
    await page.getByRole('button', { name: 'Add rule' }).click();
    const ruleDialog = page.getByRole('dialog', { name: 'Add a rule' });
    await ruleDialog.getByLabel('Name').fill('Media by tag');
    await ruleDialog.getByRole('checkbox', { name: 'Tag hook' }).check();
    await ruleDialog.getByLabel('Tags').fill('E2E-media');
    await ruleDialog.getByLabel('Tags').press('Enter');
    await expect(ruleDialog.getByRole('button', { name: 'Remove e2e-media' })).toBeVisible();
    await expect(ruleDialog).toContainText('tag e2e-media');
    await ruleDialog.getByLabel('Group wait (s)').fill('0');
    await ruleDialog.getByRole('button', { name: 'Add rule' }).click();
    await expect(ruleDialog).toBeHidden();
    const rules = page.getByRole('region', { name: 'Rules' });
    await expect(rules.getByRole('listitem').filter({ hasText: 'Media by tag' })).toContainText(
      'For tag e2e-media',
    );

    // A silence by the same tag, then changed: a bad end is refused at its field.
    const mutes = page.getByRole('region', { name: 'Silences and maintenance' });
    await mutes.getByRole('button', { name: 'Silence', exact: true }).click();
    const silenceDialog = page.getByRole('dialog', { name: 'Silence alerts' });
    // Typed out in full, the tag is one of those offered: it becomes a chip as it is picked.
    await silenceDialog.getByLabel('Tags').fill('e2e-media');
    await silenceDialog.getByLabel('Tags').press('Tab');
    await expect(silenceDialog.getByRole('button', { name: 'Remove e2e-media' })).toBeVisible();
    await silenceDialog.getByLabel('Why').fill('Disk swap');
    await silenceDialog.getByRole('button', { name: 'Silence', exact: true }).click();
    await expect(silenceDialog).toBeHidden();
    const silence = mutes.getByRole('listitem').filter({ hasText: 'Silence: tag e2e-media' });
    await expect(silence).toContainText('Disk swap');
    await expect(silence).toContainText('active');

    await silence.getByRole('button', { name: 'Edit silence tag e2e-media' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit the silence' });
    await expect(editDialog.getByLabel('Why')).toHaveValue('Disk swap');
    await expect(editDialog.getByRole('button', { name: 'Remove e2e-media' })).toBeVisible();
    await editDialog.getByLabel('Until').fill('2020-01-01T00:00');
    await editDialog.getByRole('button', { name: 'Save silence' }).click();
    await expect(editDialog.getByLabel('Until')).toHaveAccessibleDescription(
      'Must be after the start',
    );
    await editDialog.getByLabel('Until').fill('2099-01-01T09:00');
    await editDialog.getByLabel('Why').fill('Disk swap, back at nine');
    await editDialog.getByRole('button', { name: 'Save silence' }).click();
    await expect(editDialog).toBeHidden();
    await expect(silence).toContainText('Disk swap, back at nine');

    await silence.getByRole('button', { name: 'End silence tag e2e-media now' }).click();
    await expect(silence).toHaveCount(0);

    // Three jobs fail and recover: their alerts fire, resolve, and page into the history.
    for (const check of checks) await page.request.post(`${String(check.pushUrl)}fail`);
    const firing = page.getByRole('region', { name: 'Firing now' });
    await expect(firing.getByRole('listitem').filter({ hasText: 'Media by tag' })).toHaveCount(3);
    for (const check of checks) await page.request.post(String(check.pushUrl));
    const history = page.getByRole('region', { name: 'History' });
    const older = history.getByRole('button', { name: 'Load older alerts' });
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await older.click();
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await older.click();
    await expect(history.getByRole('listitem')).toHaveCount(3);
    await expect(history).toContainText('Media box');
    expect(await cspViolations(page)).toEqual([]);
  } finally {
    const { results: rules } = (await api.get('/api/v1/rules')) as {
      results: { id: number; name: string }[];
    };
    for (const rule of rules.filter((r) => r.name === 'Media by tag'))
      await api.delete(`/api/v1/rules/${rule.id}`);
    await api.delete(`/api/v1/services/${String(service.id)}`);
    await api.delete(`/api/v1/channels/${String(channel.id)}`);
    await receiver.close();
  }
});
