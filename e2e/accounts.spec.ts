import { expect, test, type Page } from '@playwright/test';
import { ADMIN } from '../playwright.config.ts';
import { cspViolations, watchCsp } from './csp.ts';

const VIEWER = { email: 'grandma@example.com', password: 'knitting-and-tea' };

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('an admin adds a viewer and makes a token that works; the viewer sees and changes nothing', async ({
  page,
  playwright,
}) => {
  await watchCsp(page);
  await signIn(page, ADMIN);

  // The admin adds a family member as a viewer.
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Email').fill(VIEWER.email);
  await dialog.getByLabel('Name').fill('Grandma');
  await dialog.getByLabel('Password').fill('short');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Password').fill(VIEWER.password);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel(`Role of ${VIEWER.email}`)).toHaveValue('viewer');
  // The audit trail on the same page got the change live.
  await expect(page.getByRole('list', { name: 'Audit trail' })).toContainText(
    `added ${VIEWER.email} as viewer`,
  );
  await page.screenshot({ path: 'docs/people.png', fullPage: true });

  // A token for a script, shown once, works against the API.
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('link', { name: 'Account and tokens' }).click();
  await page.getByRole('button', { name: 'New token' }).click();
  const form = page.getByRole('form', { name: 'New token' });
  await form.getByLabel('Name').fill('Home Assistant');
  await form.getByLabel('Role').selectOption('operator');
  await form.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('textbox', { name: 'Your new token' });
  await expect(shown).toHaveValue(/^hhp_/);
  const token = await shown.inputValue();
  await page.screenshot({ path: 'docs/account.png', fullPage: true });
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('textbox', { name: 'Your new token' })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: /^Home Assistant/ })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(token);

  const api = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const created = await api.post('/api/v1/services', { data: { name: 'Made by a script' } });
  expect(created.status()).toBe(201);
  const users = await api.get('/api/v1/users');
  expect(users.status()).toBe(403); // an operator token, whatever its owner may do
  await api.dispose();

  // The new service reached the open dashboard live.
  await page.getByRole('link', { name: 'Overview' }).first().click();
  await expect(page.getByRole('listitem', { name: 'Made by a script' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add service' }).first()).toBeVisible();
  await signOut(page);

  // The viewer reads everything and is offered no change.
  await signIn(page, VIEWER);
  await expect(page.getByRole('listitem', { name: 'Made by a script' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add service' })).toHaveCount(0);
  await page.getByRole('button', { name: 'User menu' }).click();
  await expect(page.getByRole('link', { name: 'People' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Account and tokens' }).click();
  await page.getByRole('button', { name: 'New token' }).click();
  const roles = await page
    .getByRole('form', { name: 'New token' })
    .getByLabel('Role')
    .locator('option')
    .allTextContents();
  expect(roles).toEqual(['viewer']);
  await page.goto('/users');
  await expect(page.getByText('Only admins manage people')).toBeVisible();

  // And the hub refuses a viewer's change even if the page were to ask.
  const csrf = (await page.context().cookies()).find((c) => c.name === 'hh_csrf')?.value;
  const refused = await page.request.post('/api/v1/services', {
    data: { name: 'Sneaky' },
    headers: { 'x-csrf-token': csrf ?? '' },
  });
  expect(refused.status()).toBe(403);

  expect(await cspViolations(page)).toEqual([]);
});
