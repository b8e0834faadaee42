import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { ADMIN } from '../playwright.config.ts';
import { cspViolations, watchCsp } from './csp.ts';

/** Built by .ci/run (and the server tests) from the static busybox binary: nothing is pulled. */
const IMAGE = 'homehub-test/busybox:latest';

const docker = (...args: string[]) =>
  execFileSync('docker', args, { encoding: 'utf8', timeout: 30_000 }).trim();

function engineReady(): boolean {
  try {
    docker('image', 'inspect', IMAGE);
    return true;
  } catch {
    return false;
  }
}

const ready = engineReady();
if (!ready && process.env.CI === 'true') {
  throw new Error(`CI needs a Docker engine with ${IMAGE}: .ci/run starts one and builds it`);
}

test('a container appears by itself and turns red on the dashboard the moment it stops', async ({
  page,
}) => {
  test.skip(!ready, `no Docker engine with ${IMAGE} here; start dockerd to run this`);
  const name = `hh-e2e-${Date.now().toString(36)}`;
  let serviceId: number | null = null;
  await watchCsp(page);
  try {
    await page.goto('/login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Containers' }).click();
    await expect(page.getByRole('heading', { name: 'Containers' })).toBeVisible();
    const loaded = await page.evaluate(() => performance.timeOrigin);

    docker(
      'run',
      '-d',
      '--name',
      name,
      '--label',
      'homehub.group=E2E',
      IMAGE,
      'sh',
      '-c',
      'echo listening on 8080; exec sleep 600',
    );
    const row = page.getByRole('row', { name });
    await expect(row).toHaveAttribute('data-status', 'up');
    await expect(row).toContainText('Running');
    await expect(row).toContainText('E2E');

    docker('stop', '-t', '1', name);
    await expect(row).toHaveAttribute('data-status', 'down');
    await expect(row).toContainText('Exited');
    // No reload: the same document saw it start and stop.
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loaded);
    await page.screenshot({ path: 'docs/containers.png', fullPage: true });

    // Its service page says what the engine said, exit code included.
    await row.getByRole('link', { name }).click();
    await expect(page).toHaveURL(/\/services\/\d+/);
    serviceId = Number(/\/services\/(\d+)/.exec(page.url())?.[1]);
    await expect(page.getByTestId('container-state')).toContainText('Exited');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline).toContainText(/exited with code \d+/);
    // The container's last output, read after the stop, is there to open under its exit.
    await timeline.getByText('Last line of output').click();
    await expect(timeline.getByText('listening on 8080')).toBeVisible();
    await page.screenshot({ path: 'test-results/container-service.png', fullPage: true });

    expect(await cspViolations(page)).toEqual([]);
  } finally {
    try {
      docker('rm', '-f', name);
    } catch {
      /* never started */
    }
    // The specs share one hub: a removed container keeps its (down) service until a person
    // deletes it, and the next spec counts what is down.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'hh_csrf')?.value;
    if (serviceId && csrf) {
      // Deleted only once the hub has seen the container go, or its removal would race it.
      await expect
        .poll(async () => {
          const list = await page.request.get(`/api/v1/containers?serviceId=${serviceId}`);
          const body = (await list.json()) as { results: { state: string }[] };
          return body.results[0]?.state;
        })
        .toBe('gone');
      await page.request.delete(`/api/v1/services/${serviceId}`, {
        headers: { 'x-csrf-token': csrf },
      });
    }
  }
});
