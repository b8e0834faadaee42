import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Container, Engine, Event } from '@homehub/contracts';
import { buildHub, type Hub } from '../src/app.ts';
import { backends, eventually, startTestHub, type TestHub } from './harness.ts';
import {
  PREFIX,
  describeWithDocker,
  docker,
  removeTestContainers,
  runContainer,
  startSocketProxy,
} from './docker.ts';

type DockerEventData = {
  name: string;
  containerId: string;
  action: string;
  engineTimeNano: string;
};

const key = (nano: string, id: string, action: string) => `${nano} ${id} ${action}`;

for (const backend of backends()) {
  describeWithDocker(`a Docker engine that goes away and comes back, on ${backend}`, () => {
    let t: TestHub;
    let proxy: Awaited<ReturnType<typeof startSocketProxy>>;
    let second: Hub | undefined;
    const name = (what: string) => `${PREFIX}-${backend}-f-${what}`;
    const ours = (container: string) => container.startsWith(`${PREFIX}-${backend}-f-`);
    let startedAt = '';

    beforeAll(async () => {
      startedAt = String(Math.floor(Date.now() / 1000) - 1);
      proxy = await startSocketProxy();
      t = await startTestHub(backend, {
        env: { ENABLE_DOCKER_EVENTS: 'true', DOCKER_HOST: proxy.url, DOCKER_STATS_INTERVAL: '0' },
      });
      await t.hub.docker.ready();
    });
    afterAll(async () => {
      await second?.close();
      await t?.close();
      await proxy?.stop();
      await removeTestContainers();
    });

    /** Asks whichever hub is current. */
    let hub = () => t.hub;
    async function get<T>(url: string): Promise<T> {
      const res = await hub().app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${t.token}` },
      });
      expect(res.statusCode).toBe(200);
      return res.json<T>();
    }
    const engine = async () => (await get<{ results: Engine[] }>('/api/v1/engines')).results[0]!;
    const containerNamed = async (container: string) =>
      (await get<{ results: Container[] }>('/api/v1/containers')).results.find(
        (c) => c.name === container,
      );

    /** This test's container events, as the engine itself lists them. */
    async function engineEvents(): Promise<string[]> {
      const until = String(Math.ceil(Date.now() / 1000) + 1);
      const lines = await docker(
        'events',
        '--since',
        startedAt,
        '--until',
        until,
        '--filter',
        'type=container',
        '--format',
        '{{.TimeNano}} {{.Actor.ID}} {{.Action}} {{index .Actor.Attributes "name"}}',
      );
      return lines
        .split('\n')
        .map((line) => line.split(' '))
        .filter(([, , action, container]) => ours(container ?? '') && !action!.startsWith('exec_'))
        .map(([nano, id, action]) => key(nano!, id!, action!))
        .sort();
    }

    /** The same, as the hub put them on its timeline. */
    async function timeline(): Promise<string[]> {
      const events = (await get<{ results: Event[] }>('/api/v1/events?limit=500')).results;
      return events
        .filter((e) => e.type === 'container')
        .map((e) => e.data as DockerEventData)
        .filter((d) => ours(d.name) && d.engineTimeNano)
        .map((d) => key(d.engineTimeNano, d.containerId, d.action))
        .sort();
    }

    it('keeps serving while the engine is away, then catches up with exactly what happened', async () => {
      const steady = name('steady');
      const stopped = name('stopped');
      const removed = name('removed');
      const born = name('born');
      for (const container of [steady, stopped, removed]) await runContainer(container);
      await eventually(
        async () =>
          (await Promise.all([steady, stopped, removed].map(containerNamed))).every(
            (c) => c?.state === 'running',
          ),
        15_000,
        'three running containers',
      );

      await proxy.cut();
      const away = await eventually(
        async () => {
          const e = await engine();
          return e.state === 'unreachable' && e;
        },
        15_000,
        'the engine to be unreachable',
      );
      expect(away.lastError).toBeTruthy();
      expect(away.since).not.toBeNull();
      // The hub answers as ever.
      await get('/api/v1/services');

      // Changes the hub cannot see, made on the engine's own socket.
      await docker('stop', '-t', '0', stopped);
      await docker('rm', '-f', removed);
      await runContainer(born);
      await proxy.restore();

      await eventually(async () => (await engine()).state === 'connected', 40_000, 'reconnecting');
      await eventually(
        async () => {
          const [s, r, b] = await Promise.all([stopped, removed, born].map(containerNamed));
          return s?.state === 'exited' && r?.state === 'gone' && b?.state === 'running';
        },
        15_000,
        'the hub to catch up',
      );
      await t.hub.docker.settled();
      const expected = await engineEvents();
      expect(expected.filter((k) => k.endsWith(' die')).length).toBeGreaterThanOrEqual(2);
      expect(await timeline()).toEqual(expected);
    });

    it('a restarted hub resumes from the last event it stored: nothing lost or doubled', async () => {
      const stopped = name('stopped');
      await t.hub.close();
      // While no hub watches: a start and a new container.
      await docker('start', stopped);
      await runContainer(name('while-down'));
      second = await buildHub({ config: t.config, database: t.database });
      hub = () => second!;
      await second.start();
      await second.docker.ready();
      await eventually(
        async () => (await containerNamed(name('while-down')))?.state === 'running',
        15_000,
        'the container made while the hub was down',
      );
      await eventually(async () => (await containerNamed(stopped))?.state === 'running');
      await second.docker.settled();
      expect(await timeline()).toEqual(await engineEvents());
    });
  });
}
