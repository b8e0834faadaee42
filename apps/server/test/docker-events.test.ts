import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Container, Event, LiveMessage } from '@homehub/contracts';
import { backends, eventually, startTestHub, type TestHub } from './harness.ts';
import {
  PREFIX,
  describeWithDocker,
  docker,
  removeTestContainers,
  runContainer,
} from './docker.ts';

/** A WebSocket client that keeps every message. */
async function listen(url: string) {
  const messages: LiveMessage[] = [];
  const socket = new WebSocket(url);
  socket.on('message', (data) =>
    messages.push(JSON.parse((data as Buffer).toString('utf8')) as LiveMessage),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages };
}

type DockerEventData = {
  name: string;
  action: string;
  exitCode?: number | null;
  signal?: string;
  health?: string;
  logs?: string[];
  engineTimeNano: string;
};

for (const backend of backends()) {
  describeWithDocker(`containers followed live from a real Docker engine on ${backend}`, () => {
    let t: TestHub;
    let live: Awaited<ReturnType<typeof listen>>;
    const name = (what: string) => `${PREFIX}-${backend}-${what}`;

    beforeAll(async () => {
      t = await startTestHub(backend, {
        env: { ENABLE_DOCKER_EVENTS: 'true', DOCKER_STATS_INTERVAL: '1' },
      });
      await t.hub.docker.ready();
      const base = await t.listen();
      live = await listen(`${base.replace('http://', 'ws://')}/ws/stream?token=${t.token}`);
    });
    afterAll(async () => {
      live?.socket.close();
      await t?.close();
      await removeTestContainers();
    });

    async function containerNamed(container: string): Promise<Container | undefined> {
      const res = await t.api('GET', '/api/v1/containers');
      return (res.body.results as Container[]).find((c) => c.name === container);
    }

    const seen = (container: string) =>
      eventually(() => containerNamed(container), 15_000, container);

    /** Container events of one container that reached the WebSocket client. */
    const liveEvents = (container: string) =>
      live.messages
        .filter((m): m is Extract<LiveMessage, { type: 'event' }> => m.type === 'event')
        .map((m) => m.data)
        .filter((e) => (e.data as DockerEventData | null)?.name === container);

    /** The same event again, once its container's last lines of output were added. */
    const liveUpdate = (eventId: number) =>
      eventually(
        () =>
          live.messages.find(
            (m): m is Extract<LiveMessage, { type: 'event_updated' }> =>
              m.type === 'event_updated' && m.data.id === eventId,
          )?.data,
        15_000,
        `the log lines of event ${eventId}`,
      );

    const liveAction = (
      container: string,
      action: string,
      more: (d: DockerEventData) => boolean = () => true,
    ) =>
      eventually(
        () =>
          liveEvents(container).find(
            (e) =>
              e.type === 'container' &&
              (e.data as DockerEventData).action === action &&
              more(e.data as DockerEventData),
          ),
        15_000,
        `${action} of ${container} on the live stream`,
      );

    async function dockerCheckOf(serviceId: number) {
      const service = (await t.api('GET', `/api/v1/services/${serviceId}`)).body;
      return service.checks.find((c: { type: string }) => c.type === 'docker');
    }

    const statusBecomes = (serviceId: number, status: string, message?: RegExp) =>
      eventually(
        async () => {
          const check = await dockerCheckOf(serviceId);
          return (
            check?.status === status &&
            (!message || message.test(check.lastResult?.message ?? '')) &&
            check
          );
        },
        15_000,
        `the docker check of service ${serviceId} to be ${status}`,
      );

    it('shows the engine connected, with its version', async () => {
      const engines = (await t.api('GET', '/api/v1/engines')).body.results;
      const local = engines.find((e: { local: boolean }) => e.local);
      expect(local).toMatchObject({ state: 'connected', url: 'unix:///var/run/docker.sock' });
      expect(local.version).toMatch(/^\d+\./);
      const containers = await t.api('GET', `/api/v1/engines/${local.id}/containers`);
      expect(containers.status).toBe(200);
    });

    it('makes a running container a service with an up docker check, grouped by its Compose project', async () => {
      const container = name('web');
      await runContainer(container, {
        options: [
          '--label',
          'com.docker.compose.project=media',
          '--label',
          'com.docker.compose.service=web',
          '--label',
          'homehub.description=The web front',
        ],
      });
      const found = await seen(container);
      expect(found).toMatchObject({ state: 'running', group: 'media', health: null, goneAt: null });
      const service = (await t.api('GET', `/api/v1/services/${found.serviceId}`)).body;
      expect(service.name).toBe(container);
      expect(service.description).toBe('The web front');
      await statusBecomes(found.serviceId, 'up', /^Running$/);
      await liveAction(container, 'start');
    });

    it('leaves a container labelled homehub.enable=false alone', async () => {
      const ignored = name('ignored');
      const witness = name('witness');
      await runContainer(ignored, { options: ['--label', 'homehub.enable=false'] });
      await runContainer(witness);
      // Events are handled in order: once the later container is in, the earlier was judged.
      await seen(witness);
      expect(await containerNamed(ignored)).toBeUndefined();
    });

    it('reports a stop with its exit code and last log lines, down; a start brings it back up', async () => {
      const container = name('stopper');
      await runContainer(container, {
        command: [
          'sh',
          '-c',
          'for i in 1 2 3; do echo "line $i of the story"; done; exec sleep 3600',
        ],
      });
      const found = await seen(container);
      await statusBecomes(found.serviceId, 'up');
      await docker('stop', '-t', '1', container);

      const die = await liveAction(container, 'die');
      const data = die.data as DockerEventData;
      expect(data.exitCode).toBe(137);
      // Told at once; its log lines, which the engine gives only once the stop is over, follow.
      expect(data.logs).toBeUndefined();
      const withLogs = await liveUpdate(die.id);
      expect({ ...withLogs.data, logs: undefined }).toEqual({ ...data, logs: undefined });
      expect((withLogs.data as DockerEventData).logs).toEqual([
        'line 1 of the story',
        'line 2 of the story',
        'line 3 of the story',
      ]);
      expect(die.message).toBe(`${container} exited with code 137`);
      await liveAction(container, 'kill');
      await liveAction(container, 'stop');
      await statusBecomes(found.serviceId, 'down', /Exited with code 137/);

      await docker('start', container);
      await liveAction(container, 'start', () => liveEvents(container).length > 4);
      await statusBecomes(found.serviceId, 'up');
      // The timeline holds what the stream carried, once each.
      const stored = (await t.api('GET', `/api/v1/events?serviceId=${found.serviceId}&limit=500`))
        .body.results as Event[];
      const actions = stored
        .filter((e) => e.type === 'container')
        .map((e) => (e.data as DockerEventData).action)
        .reverse();
      // docker stop sends SIGTERM, then SIGKILL: a kill event each.
      expect(actions).toEqual(['create', 'start', 'kill', 'kill', 'die', 'stop', 'start']);
      const storedDie = stored.find((e) => e.id === die.id)!;
      expect((storedDie.data as DockerEventData).logs).toHaveLength(3);
    });

    it('follows kill, restart and remove; a removed container keeps its service, marked gone', async () => {
      const container = name('victim');
      await runContainer(container);
      const found = await seen(container);
      await statusBecomes(found.serviceId, 'up');

      await docker('kill', container);
      const kill = await liveAction(container, 'kill');
      expect((kill.data as DockerEventData).signal).toBe('9');
      await statusBecomes(found.serviceId, 'down', /Exited with code 137/);

      await docker('restart', '-t', '1', container);
      await liveAction(container, 'restart');
      await statusBecomes(found.serviceId, 'up');

      await docker('rm', '-f', container);
      await liveAction(container, 'destroy');
      await statusBecomes(found.serviceId, 'down', /Container removed/);
      const gone = await containerNamed(container);
      expect(gone).toMatchObject({ state: 'gone', serviceId: found.serviceId });
      expect(gone!.goneAt).not.toBeNull();
      expect((await t.api('GET', `/api/v1/services/${found.serviceId}`)).status).toBe(200);
    });

    it('turns a HEALTHCHECK into the status: healthy is up, unhealthy is degraded with the logs', async () => {
      const container = name('health');
      await runContainer(container, {
        command: ['sh', '-c', 'busybox touch /ok; echo ready; exec sleep 3600'],
        options: [
          '--health-cmd',
          'cat /ok',
          '--health-interval',
          '1s',
          '--health-retries',
          '1',
          '--health-timeout',
          '1s',
        ],
      });
      const found = await seen(container);
      await liveAction(container, 'health_status', (d) => d.health === 'healthy');
      await statusBecomes(found.serviceId, 'up', /Running, healthy/);
      expect((await containerNamed(container))!.health).toBe('healthy');

      await docker('exec', container, 'busybox', 'rm', '/ok');
      const unhealthy = await liveAction(
        container,
        'health_status',
        (d) => d.health === 'unhealthy',
      );
      expect(((await liveUpdate(unhealthy.id)).data as DockerEventData).logs).toContain('ready');
      await statusBecomes(found.serviceId, 'degraded', /Unhealthy/);
      // Health probes run as exec_* events: none of them reach the timeline.
      expect(
        liveEvents(container).every((e) => !(e.data as DockerEventData).action.startsWith('exec')),
      ).toBe(true);
    });

    it('calls three restarts within five minutes a restart loop: its own event, and down', async () => {
      const container = name('crashy');
      await runContainer(container, {
        command: ['sh', '-c', 'echo crashing; sleep 0.3; exit 3'],
        options: ['--restart', 'always'],
      });
      const found = await seen(container);
      const loop = await eventually(
        () => liveEvents(container).find((e) => e.type === 'restart_loop'),
        30_000,
        'a restart loop event',
      );
      expect(loop.message).toMatch(/restart loop: 3 restarts in 5 min/);
      expect(loop.serviceId).toBe(found.serviceId);
      await statusBecomes(found.serviceId, 'down', /Restart loop/);
      const dies = liveEvents(container).filter(
        (e) => (e.data as DockerEventData).action === 'die',
      );
      expect(dies.length).toBeGreaterThanOrEqual(3);
      expect((dies[0]!.data as DockerEventData).exitCode).toBe(3);
      await docker('rm', '-f', container);
      // Once only, however many restarts follow.
      expect(liveEvents(container).filter((e) => e.type === 'restart_loop')).toHaveLength(1);
    });

    it('samples CPU, memory and I/O of running containers and serves them', async () => {
      const container = name('busy');
      await runContainer(container, { command: ['sh', '-c', 'while :; do :; done'] });
      const found = await seen(container);
      const busy = await eventually(
        async () => {
          const c = await containerNamed(container);
          return c && c.cpuPercent !== null && c.cpuPercent > 5 && c;
        },
        20_000,
        'a CPU figure',
      );
      expect(busy.memoryBytes).toBeGreaterThan(0);
      expect(busy.memoryLimitBytes).toBeGreaterThan(0);
      const stats = await eventually(async () => {
        const res = await t.api('GET', `/api/v1/containers/${found.id}/stats?range=1h`);
        return res.body.points?.length >= 2 && res.body;
      });
      expect(stats).toMatchObject({ containerId: found.id, range: '1h', bucketSeconds: 0 });
      expect(stats.points[0]).toHaveProperty('netRxBytes');
      const day = await t.api('GET', `/api/v1/containers/${found.id}/stats?range=24h`);
      expect(day.body.bucketSeconds).toBe(300);
      expect(day.body.points.length).toBeGreaterThanOrEqual(1);
      expect(day.body.points[0].cpuPercent).toBeGreaterThan(0);

      // A threshold is part of the container's check: CPU above 1 % at once is degraded.
      const check = await dockerCheckOf(found.serviceId);
      const patched = await t.api('PATCH', `/api/v1/checks/${check.id}`, {
        config: { ...check.config, cpuPercent: 1, cpuSeconds: 0 },
      });
      expect(patched.status).toBe(200);
      await statusBecomes(found.serviceId, 'degraded', /CPU above 1 %/);
      await docker('rm', '-f', container);
    });
  });
}
