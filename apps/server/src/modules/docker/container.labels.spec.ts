import { describe, expect, it } from 'vitest';
import type { ContainerInfo } from './engine.client.ts';
import { hostsOfRule, labelsHash, serviceSpecOf } from './container.labels.ts';

const context = {
  engineId: 1,
  engineName: 'Local',
  publishedHost: '127.0.0.1',
  autoChecks: true,
  dockerIntervalSeconds: 15,
};

function container(
  labels: Record<string, string>,
  more: Partial<ContainerInfo> = {},
): ContainerInfo {
  return {
    id: 'abc',
    name: 'app',
    image: 'nginx:1.27',
    imageId: 'sha256:1',
    labels,
    state: 'running',
    health: null,
    healthOutput: null,
    exitCode: null,
    oomKilled: false,
    startedAt: 1,
    restartCount: 0,
    tty: false,
    ports: [],
    ...more,
  };
}

describe('container labels', () => {
  it('reads every host of a Traefik rule, in its usual spellings', () => {
    expect(hostsOfRule('Host(`a.lan`)')).toEqual(['a.lan']);
    expect(hostsOfRule('Host(`a.lan`, `b.lan`) || Host("c.lan")')).toEqual([
      'a.lan',
      'b.lan',
      'c.lan',
    ]);
    expect(hostsOfRule('PathPrefix(`/api`)')).toEqual([]);
  });

  it('declares checks of any type but docker and push, with their own fields and config', () => {
    const spec = serviceSpecOf(
      container({
        'homehub.check.http.url': 'https://app.lan/health',
        'homehub.check.http.interval': '30',
        'homehub.check.http.expectedStatus': '200, 204',
        'homehub.check.http.followRedirects': 'false',
        'homehub.check.db.type': 'tcp',
        'homehub.check.db.host': 'db.lan',
        'homehub.check.db.port': '5432',
        'homehub.check.push.grace': '1',
      }),
      context,
    );
    expect(spec.checks.get('label:http')).toEqual({
      name: 'http (label)',
      type: 'http',
      intervalSeconds: 30,
      retries: 0,
      config: {
        url: 'https://app.lan/health',
        expectedStatus: ['200', '204'],
        followRedirects: false,
      },
    });
    expect(spec.checks.get('label:db')?.config).toEqual({ host: 'db.lan', port: 5432 });
    expect(spec.checks.has('label:push')).toBe(false);
    expect(spec.problems).toHaveLength(1);
  });

  it('makes a tcp check per published port and an http check per Traefik host, unless turned off', () => {
    const labels = {
      'traefik.http.routers.web.rule': 'Host(`app.lan`)',
      'traefik.http.routers.web.tls': 'true',
      'traefik.http.routers.plain.rule': 'Host(`plain.lan`)',
    };
    const ports = [
      { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80 },
      { hostIp: '192.168.1.5', hostPort: 8443, containerPort: 443 },
    ];
    const spec = serviceSpecOf(container(labels, { ports }), context);
    expect([...spec.checks.keys()].sort()).toEqual([
      'docker',
      'port:8080',
      'port:8443',
      'traefik:plain:plain.lan',
      'traefik:web:app.lan',
    ]);
    expect(spec.checks.get('port:8080')?.config).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(spec.checks.get('port:8443')?.config).toEqual({ host: '192.168.1.5', port: 8443 });
    expect(spec.checks.get('traefik:web:app.lan')?.config).toEqual({ url: 'https://app.lan/' });
    expect(spec.checks.get('traefik:plain:plain.lan')?.config).toEqual({
      url: 'http://plain.lan/',
    });

    const off = (extra: Record<string, string>) => [
      ...serviceSpecOf(container({ ...labels, ...extra }, { ports }), context).checks.keys(),
    ];
    expect(off({ 'homehub.autochecks': 'false' })).toEqual(['docker']);
    expect(off({ 'homehub.autochecks.ports': 'false' }).some((k) => k.startsWith('port:'))).toBe(
      false,
    );
    expect(off({ 'homehub.autochecks.traefik': 'no' }).some((k) => k.startsWith('traefik:'))).toBe(
      false,
    );
    expect(off({ 'traefik.enable': 'false' }).some((k) => k.startsWith('traefik:'))).toBe(false);
    expect([
      ...serviceSpecOf(container(labels, { ports }), {
        ...context,
        autoChecks: false,
      }).checks.keys(),
    ]).toEqual(['docker']);
  });

  it('names, groups and describes the service; the hash changes only with what matters', () => {
    const compose = {
      'com.docker.compose.project': 'media',
      'com.docker.compose.service': 'jellyfin',
    };
    const plain = serviceSpecOf(container(compose), context);
    expect(plain).toMatchObject({ name: 'app', group: 'media', ignore: false, useHealth: true });
    expect(plain.description).toBe(
      'Docker container app (media/jellyfin) on Local, image nginx:1.27',
    );
    const labelled = serviceSpecOf(
      container({
        ...compose,
        'homehub.name': 'Films',
        'homehub.group': 'home',
        'homehub.health': 'false',
      }),
      context,
    );
    expect(labelled).toMatchObject({ name: 'Films', group: 'home', useHealth: false });
    expect(serviceSpecOf(container({ 'homehub.enable': 'false' }), context).ignore).toBe(true);
    expect(labelsHash(serviceSpecOf(container({ ...compose, unrelated: 'x' }), context))).toBe(
      labelsHash(plain),
    );
    expect(labelsHash(labelled)).not.toBe(labelsHash(plain));
  });

  it('reads tags from homehub.tags, each once, and names one that is not a tag', () => {
    const spec = serviceSpecOf(
      container({ 'homehub.tags': 'Critical, nas,,critical, no way' }),
      context,
    );
    expect(spec.tags).toEqual(['critical', 'nas']);
    expect(spec.problems).toEqual([
      'homehub.tags: "no way" is not a tag (letters, digits, _ . : / -)',
    ]);
    const untagged = serviceSpecOf(container({}), context);
    expect(untagged.tags).toEqual([]);
    expect(labelsHash(spec)).not.toBe(labelsHash(untagged));
  });

  it('sets the docker check thresholds from labels and names a bad number', () => {
    const spec = serviceSpecOf(
      container({
        'homehub.cpu.above': '80',
        'homehub.cpu.for': '30',
        'homehub.memory.above': 'lots',
      }),
      context,
    );
    expect(spec.checks.get('docker')?.config).toMatchObject({
      engineId: 1,
      container: 'app',
      cpuPercent: 80,
      cpuSeconds: 30,
      memoryPercent: null,
    });
    expect(spec.problems).toEqual(['homehub.memory.above: "lots" is not a number']);
  });
});
