import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ADMIN } from '../playwright.config.ts';
import { cspViolations, watchCsp } from './csp.ts';

/** A real local web app for the hub to watch; the test stops it to cause an outage. */
async function startTarget() {
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('a user adds a service with an http check and watches it go up, then down, live', async ({
  page,
}) => {
  const target = await startTarget();
  await watchCsp(page);
  try {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);

    // A wrong password is refused with the server's message.
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong email or password');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

    await page.getByRole('button', { name: 'Add service' }).first().click();
    const dialog = page.getByRole('dialog');
    // The API's field errors show under their fields.
    await dialog.getByRole('button', { name: 'Create service' }).click();
    await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel('Name').fill('Media server');
    await dialog.getByLabel('Description').fill('Jellyfin on the NAS');
    await dialog.getByLabel('Group').fill('Home lab');
    await dialog.getByLabel('Tags').fill('Critical');
    await dialog.getByLabel('Tags').press('Enter');
    await expect(dialog.getByRole('button', { name: 'Remove critical' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Create service' }).click();

    await expect(dialog.getByText('Add a check to Media server')).toBeVisible();
    await dialog.getByLabel('Type').selectOption('http');
    await dialog.getByLabel('Name').fill('web');
    await dialog.getByLabel('URL').fill('ftp://nope');
    await dialog.getByRole('button', { name: 'Add check' }).click();
    await expect(dialog.getByLabel('URL')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel('URL').fill(target.url);
    await dialog.getByLabel('Interval (seconds)').fill('1');
    await dialog.getByLabel('Timeout (seconds)').fill('1');
    await dialog.getByRole('button', { name: 'Add check' }).click();

    await expect(page).toHaveURL(/\/services\/\d+/);
    const status = page.getByTestId('service-status');
    await expect(status.locator('[data-status="up"]')).toHaveText('Up');

    // Tags are edited on the service's page; one that is not a tag is refused at its field.
    await page.getByRole('button', { name: 'Edit service' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('Tags').fill('not a tag!');
    await edit.getByLabel('Tags').press('Enter');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit.getByLabel('Tags')).toHaveAttribute('aria-invalid', 'true');
    await edit.getByRole('button', { name: 'Remove not a tag!' }).click();
    await edit.getByLabel('Tags').fill('nas');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    const labels = page.getByRole('list', { name: 'Group and tags' });
    await expect(labels).toHaveText(/Home lab.*critical.*nas/);
    const loaded = await page.evaluate(() => performance.timeOrigin);

    await target.stop();
    await expect(status.locator('[data-status="down"]')).toHaveText('Down');
    // No reload happened: the same document saw both states.
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loaded);
    await expect(page).toHaveTitle(/1 down/);

    // The overview agrees, and a picture of it is kept for people to look at.
    await page.getByRole('link', { name: 'Overview' }).first().click();
    const row = page
      .getByRole('region', { name: 'Home lab' })
      .getByRole('listitem', { name: 'Media server' });
    await expect(row.locator('[data-status="down"]').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/overview.png', fullPage: true });

    // The hub's Content-Security-Policy let everything the dashboard does through.
    expect(await cspViolations(page)).toEqual([]);
  } finally {
    await target.stop().catch(() => undefined);
  }
});
