import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN } from '../playwright.config.ts';
import { cspViolations, watchCsp } from './csp.ts';

/** A local web app that answers in 5–60 ms, or 503 while `failing` is set. */
async function startTarget() {
  const state = { failing: false };
  const server = http.createServer((_req, res) => {
    if (state.failing) {
      res.statusCode = 503;
      res.end('maintenance');
      return;
    }
    setTimeout(() => res.end('ok'), 5 + Math.random() * 55);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    state,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}

async function addService(page: Page, name: string, url: string) {
  await page.getByRole('button', { name: 'Add service' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Description').fill('Home automation on the Pi');
  await dialog.getByRole('button', { name: 'Create service' }).click();
  await expect(dialog.getByText(`Add a check to ${name}`)).toBeVisible();
  await dialog.getByLabel('Type').selectOption('http');
  await dialog.getByLabel('URL').fill(url);
  await dialog.getByLabel('Interval (seconds)').fill('1');
  await dialog.getByLabel('Timeout (seconds)').fill('1');
  await dialog.getByRole('button', { name: 'Add check' }).click();
  await expect(page).toHaveURL(/\/services\/\d+/);
  return Number(/\/services\/(\d+)/.exec(page.url())![1]);
}

/** The specs share one hub: a service left behind (and down, once its target stops) would
 *  show up in the next spec's counts. */
async function deleteService(page: Page, id: number) {
  // The page's own session: its cookie rides along, and a change needs the CSRF token.
  const csrf = (await page.context().cookies()).find((c) => c.name === 'hh_csrf')?.value;
  if (!csrf) return;
  await page.request.delete(`/api/v1/services/${id}`, { headers: { 'x-csrf-token': csrf } });
}

test('the service page shows history over a range, the raw results, and settings change retention', async ({
  page,
}) => {
  const target = await startTarget();
  let serviceId: number | null = null;
  await watchCsp(page);
  try {
    await signIn(page);
    serviceId = await addService(page, 'Home Assistant', target.url);

    const status = page.getByTestId('service-status');
    await expect(status.locator('[data-status="up"]')).toHaveText('Up');

    // A short outage, so the chart, the bars and the log have a failure to show.
    await page.waitForTimeout(5_000);
    target.state.failing = true;
    await expect(status.locator('[data-status="down"]')).toHaveText('Down');
    await page.waitForTimeout(3_000);
    target.state.failing = false;
    await expect(status.locator('[data-status="up"]')).toHaveText('Up');
    await page.waitForTimeout(3_000);
    // The history was fetched with the page; a reload shows what the rollups hold now.
    await page.reload();

    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('button', { name: '24h' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(history.getByTestId('range-uptime')).toHaveText(/\d+(\.\d+)?% uptime/);
    await expect(history.locator('canvas')).toBeVisible();
    const bars = history.getByTestId('uptime-bar');
    expect(await bars.count()).toBeGreaterThan(24);
    await expect(history.locator('[data-testid="uptime-bar"][data-tone="down"]')).not.toHaveCount(
      0,
    );

    const log = page.getByRole('region', { name: 'Results' });
    await expect(log.getByTestId('result-row').first()).toBeVisible();
    expect(await log.getByTestId('result-row').count()).toBeGreaterThan(5);
    await expect(
      log.locator('[data-testid="result-row"][data-status="down"]').first(),
    ).toContainText('503');

    // The header's uptime figures come from the server.
    await expect(page.getByTestId('service-uptime')).toContainText(/Uptime 24 h\s*\d/);

    await page.screenshot({ path: 'docs/service-page.png', fullPage: true });
    await history.screenshot({ path: 'test-results/history-panel.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/service-page-dark.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    // Another range: the URL remembers it and the chart is drawn again from its buckets.
    await history.getByRole('button', { name: '7d' }).click();
    await expect(page).toHaveURL(/[?&]range=7d/);
    await expect(history.getByRole('button', { name: '7d' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(history.locator('canvas')).toBeVisible();
    await expect(history.getByText('7 days ago')).toBeVisible();
    await expect(history.getByTestId('range-uptime')).toHaveText(/\d+(\.\d+)?% uptime/);
    await page.reload();
    await expect(history.getByRole('button', { name: '7d' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/service-page-phone.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    // Settings: more days of raw results take more disk, and the server says how much.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    const raw = page.getByLabel('Raw results');
    const estimate = page.getByTestId('estimate-raw');
    await expect(estimate).toContainText('rows');
    const before = await estimate.textContent();
    const days = Number(await raw.inputValue());
    await raw.fill(String(days < 1000 ? days * 3 : days - 500));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await expect(estimate).not.toHaveText(before ?? '');
    await expect(page.getByTestId('estimate-total')).toContainText(/B$/);

    // Saving scrolled the page; the sticky bar belongs at the top of the picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/settings.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/settings-dark.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    // The overview's uptime column is the server's 24 h figure.
    await page.getByRole('link', { name: 'Overview' }).first().click();
    const row = page.getByRole('listitem', { name: 'Home Assistant' });
    await expect(row.getByTitle('Uptime over the last 24 hours')).toHaveText(/\d+(\.\d+)?%/);
    await page.screenshot({ path: 'test-results/overview-uptime.png', fullPage: true });

    // Charts, forms and settings all work under the hub's Content-Security-Policy.
    expect(await cspViolations(page)).toEqual([]);
  } finally {
    if (serviceId !== null) await deleteService(page, serviceId).catch(() => undefined);
    await target.stop().catch(() => undefined);
  }
});
