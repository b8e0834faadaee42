import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Check, Container } from '@homehub/contracts';
import { backends, eventually, startTestHub, type TestHub } from './harness.ts';
import {
  PREFIX,
  describeWithDocker,
  docker,
  removeTestContainers,
  runContainer,
} from './docker.ts';

for (const backend of backends()) {
  describeWithDocker(`container labels as configuration on ${backend}`, () => {
    let t: TestHub;
    const name = (what: string) => `${PREFIX}-${backend}-l-${what}`;

    beforeAll(async () => {
      t = await startTestHub(backend, {
        env: { ENABLE_DOCKER_EVENTS: 'true', DOCKER_STATS_INTERVAL: '0' },
      });
      await t.hub.docker.ready();
    });
    afterAll(async () => {
      await t?.close();
      await removeTestContainers();
    });

    async function containerNamed(container: string): Promise<Container | undefined> {
      const res = await t.api('GET', '/api/v1/containers');
      return (res.body.results as Container[]).find((c) => c.name === container);
    }
    const checksOf = async (serviceId: number): Promise<Check[]> =>
      (await t.api('GET', `/api/v1/checks?serviceId=${serviceId}`)).body.results;

    const web = ['httpd', '-f', '-p', '80', '-h', '/'];

    it('takes name, group, declared checks, published ports and Traefik rules from labels', async () => {
      const container = name('app');
      await runContainer(container, {
        command: web,
        options: [
          '-p',
          '127.0.0.1::80',
          '--label',
          'homehub.name=Lab app',
          '--label',
          'homehub.group=tools',
          '--label',
          'homehub.check.http.url=http://127.0.0.1:9/health',
          '--label',
          'homehub.check.http.interval=30',
          '--label',
          'homehub.check.http.expectedStatus=200,204',
          '--label',
          'traefik.http.routers.lab.rule=Host(`lab.example.test`) && PathPrefix(`/`)',
          '--label',
          'traefik.http.routers.lab.entrypoints=websecure',
        ],
      });
      const found = await eventually(() => containerNamed(container), 15_000, container);
      expect(found.group).toBe('tools');
      const service = (await t.api('GET', `/api/v1/services/${found.serviceId}`)).body;
      expect(service.name).toBe('Lab app');

      const port = Number((await docker('port', container, '80/tcp')).split(':').pop());
      // Ports are published once the container runs: its tcp check may come a moment later.
      const checks = await eventually(
        async () => {
          const all = await checksOf(found.serviceId);
          return all.some((c) => c.type === 'tcp') && all;
        },
        15_000,
        'the published port check',
      );
      const byType = (type: string) => checks.filter((c) => c.type === type);
      expect(byType('docker')).toHaveLength(1);
      expect(byType('docker')[0]!.config).toMatchObject({ container, engineId: found.engineId });
      expect(byType('tcp').map((c) => c.config)).toEqual([{ host: '127.0.0.1', port }]);
      const http = byType('http').sort((a, b) => a.name.localeCompare(b.name));
      expect(http.map((c) => c.config.url).sort()).toEqual([
        'http://127.0.0.1:9/health',
        'https://lab.example.test/',
      ]);
      const declared = http.find((c) => c.config.url === 'http://127.0.0.1:9/health')!;
      expect(declared.intervalSeconds).toBe(30);
      expect(declared.config.expectedStatus).toEqual(['200', '204']);

      // The port check is a real check: busybox httpd answers on the published port.
      await eventually(
        async () =>
          (await checksOf(found.serviceId)).find((c) => c.type === 'tcp')?.status === 'up',
        15_000,
        'the published port to be up',
      );
    });

    it('homehub.autochecks=false leaves out the ports and Traefik checks', async () => {
      const container = name('quiet');
      await runContainer(container, {
        command: web,
        options: ['-p', '127.0.0.1::80', '--label', 'homehub.autochecks=false'],
      });
      const found = await eventually(() => containerNamed(container), 15_000, container);
      expect((await checksOf(found.serviceId)).map((c) => c.type)).toEqual(['docker']);
    });

    it('applies changed labels when the container is recreated, keeping its service', async () => {
      const container = name('app');
      const before = (await containerNamed(container))!;
      await docker('rm', '-f', container);
      await eventually(async () => (await containerNamed(container))?.state === 'gone');
      await runContainer(container, {
        command: web,
        options: ['--label', 'homehub.name=Lab app v2', '--label', 'homehub.autochecks=false'],
      });
      const after = await eventually(
        async () => {
          const c = await containerNamed(container);
          return c?.state === 'running' && c.containerId !== before.containerId && c;
        },
        15_000,
        'the recreated container',
      );
      expect(after.serviceId).toBe(before.serviceId);
      expect(after.goneAt).toBeNull();
      expect(after.group).toBeNull();
      const service = (await t.api('GET', `/api/v1/services/${after.serviceId}`)).body;
      expect(service.name).toBe('Lab app v2');
      expect((await checksOf(after.serviceId)).map((c) => c.type)).toEqual(['docker']);
    });
  });
}
