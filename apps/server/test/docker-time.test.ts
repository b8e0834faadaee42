import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Event, LiveMessage } from '@homehub/contracts';
import { buildHub, type Hub } from '../src/app.ts';
import { backends, eventually, openTestDatabase, type TestDatabase } from './harness.ts';
import {
  PREFIX,
  TEST_IMAGE,
  describeWithDocker,
  docker,
  removeTestContainers,
  runContainer,
} from './docker.ts';

/**
 * Rules that wait minutes (a health check stuck starting, a new image that never runs):
 * the hub's clock is moved forward instead of the test waiting.
 */
for (const backend of backends()) {
  describeWithDocker(`Docker rules that take minutes, on ${backend}`, () => {
    let test: TestDatabase;
    let hub: Hub;
    let offset = 0;
    const events: Event[] = [];
    const name = (what: string) => `${PREFIX}-${backend}-t-${what}`;
    const image = `homehub-test/busybox:${PREFIX}-${backend}`;

    beforeAll(async () => {
      test = await openTestDatabase(backend, {
        ENABLE_DOCKER_EVENTS: 'true',
        DOCKER_STATS_INTERVAL: '0',
      });
      hub = await buildHub({
        config: test.config,
        database: test.database,
        clock: { now: () => Date.now() + offset },
      });
      hub.bus.subscribe((m: LiveMessage) => {
        if (m.type === 'event') events.push(m.data);
      });
      await hub.start();
      await hub.docker.ready();
    });
    afterAll(async () => {
      await hub?.close();
      await test?.dispose();
      await removeTestContainers();
      await docker('rmi', '-f', image).catch(() => undefined);
    });

    const containerNamed = async (container: string) =>
      (await hub.docker.listContainers({})).find((c) => c.name === container);
    const checkOf = (serviceId: number) =>
      test.database.db
        .selectFrom('checks')
        .select('id')
        .where('serviceId', '=', serviceId)
        .where('type', '=', 'docker')
        .executeTakeFirstOrThrow();

    it('a health check still starting after its grace is degraded', async () => {
      const container = name('slow');
      await runContainer(container, {
        options: ['--health-cmd', 'true', '--health-interval', '1h', '--health-start-period', '1h'],
      });
      const found = await eventually(() => containerNamed(container), 15_000, container);
      expect(found.health).toBe('starting');
      offset += 3 * 60_000;
      const degraded = await eventually(
        () =>
          events.find(
            (e) =>
              e.type === 'status_changed' &&
              e.serviceId === found.serviceId &&
              e.toStatus === 'degraded',
          ),
        // The follower looks every 5 s, behind any stats sampling in its queue: on a loaded
        // machine that can take a few rounds.
        30_000,
        'the check to turn degraded',
      );
      expect(degraded.message).toMatch(/Health check still starting after \d+ s/);
    });

    it('a restart loop ends once the container has stayed up for two minutes', async () => {
      const container = name('settles');
      // Crashes three times, then keeps running: its file system survives the restarts.
      await runContainer(container, {
        command: [
          'sh',
          '-c',
          'echo x >> /runs; [ "$(busybox wc -l < /runs)" -ge 4 ] && exec sleep 3600; exit 1',
        ],
        options: ['--restart', 'always'],
      });
      const found = await eventually(() => containerNamed(container), 15_000, container);
      await eventually(
        () => events.find((e) => e.type === 'restart_loop' && e.serviceId === found.serviceId),
        30_000,
        'the restart loop',
      );
      await eventually(async () => (await containerNamed(container))?.restartCount === 3);
      await hub.docker.settled();
      expect(hub.tracker.statusOf((await checkOf(found.serviceId)).id)).toBe('down');

      offset += 3 * 60_000;
      const up = await eventually(
        () =>
          events.find(
            (e) =>
              e.type === 'status_changed' &&
              e.serviceId === found.serviceId &&
              e.fromStatus === 'down' &&
              e.toStatus === 'up',
          ),
        15_000,
        'the check to come back up',
      );
      expect(up.message).toMatch(/Running/);
    });

    it('a container recreated from a new image that never runs names the previous image', async () => {
      const container = name('updated');
      await runContainer(container);
      const before = await eventually(() => containerNamed(container), 15_000, container);
      // A second image with a different id: the same files plus one.
      await docker('exec', container, 'busybox', 'touch', '/marker');
      await docker('commit', container, image);
      await docker('rm', '-f', container);
      await eventually(async () => (await containerNamed(container))?.state === 'gone');
      await docker('run', '-d', '--name', container, image, 'sh', '-c', 'exit 1');
      // The same update that works: this one keeps running.
      const fine = name('fine');
      await runContainer(fine);
      const fineBefore = await eventually(() => containerNamed(fine), 15_000, fine);
      await docker('rm', '-f', fine);
      await eventually(async () => (await containerNamed(fine))?.state === 'gone');
      await docker('run', '-d', '--name', fine, image, 'sleep', '3600');
      await eventually(async () => (await containerNamed(fine))?.image === image);
      await eventually(async () => (await containerNamed(container))?.image === image);
      expect(events.some((e) => e.type === 'update_failed')).toBe(false);

      offset += 11 * 60_000;
      const failed = await eventually(
        () => events.find((e) => e.type === 'update_failed' && e.serviceId === before.serviceId),
        15_000,
        'the update_failed event',
      );
      expect(failed.message).toContain(`the previous image was ${TEST_IMAGE}`);
      expect(failed.data).toMatchObject({ previousImage: TEST_IMAGE, image });
      await hub.docker.settled();
      expect(events.filter((e) => e.type === 'update_failed').map((e) => e.serviceId)).toEqual([
        before.serviceId,
      ]);
      expect(fineBefore.serviceId).not.toBe(before.serviceId);
    });
  });
}
