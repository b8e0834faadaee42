import { createHash } from 'node:crypto';
import { CHECK_TYPES, Tag, type CheckType } from '@homehub/contracts';
import type { ContainerInfo } from './engine.client.ts';

/** A check a container brings with it, before it is validated and stored. */
export interface CheckSpec {
  name: string;
  type: CheckType;
  intervalSeconds: number;
  timeoutSeconds?: number;
  retries: number;
  config: Record<string, unknown>;
}

/** What a container's labels and published ports say its service should be. */
export interface ServiceSpec {
  ignore: boolean;
  name: string;
  description: string;
  group: string | null;
  /** From homehub.tags, a comma-separated list. */
  tags: string[];
  /** Whether its HEALTHCHECK counts towards its status. */
  useHealth: boolean;
  /** By where each came from: "docker", "port:8080", "traefik:web:app.lan", "label:http". */
  checks: Map<string, CheckSpec>;
  /** Labels that could not be used, in words. */
  problems: string[];
}

export interface LabelContext {
  engineId: number;
  engineName: string;
  /** Where published ports are reached from the hub. */
  publishedHost: string;
  /** The hub's setting; a container's label can only turn them off. */
  autoChecks: boolean;
  /** The docker check's interval: how often a state is written as a result. */
  dockerIntervalSeconds: number;
}

const DEFAULT_INTERVAL_SECONDS = 60;
const off = (value: string | undefined) => value !== undefined && /^(false|0|no|off)$/i.test(value);

/** "80" → 80, "true" → true, "200,301" → ["200", "301"] for list fields; else the text. */
function labelValue(field: string, value: string): unknown {
  if (field === 'expectedStatus') return value.split(',').map((s) => s.trim());
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

function numberLabel(
  labels: Record<string, string>,
  key: string,
  problems: string[],
): number | undefined {
  const value = labels[key];
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
    problems.push(`${key}: "${value}" is not a number`);
    return undefined;
  }
  return number;
}

/** Host(`a.lan`) or Host(`a.lan`, `b.lan`), possibly among other matchers. */
export function hostsOfRule(rule: string): string[] {
  const hosts: string[] = [];
  for (const [, inner] of rule.matchAll(/Host\(([^)]*)\)/g)) {
    for (const [, host] of inner!.matchAll(/[`"']([^`"']+)[`"']/g)) hosts.push(host!);
  }
  return hosts;
}

/**
 * Declared checks: homehub.check.<key>.<field>=value, where <key> is a check type, or any
 * name with homehub.check.<key>.type set. interval, timeout, retries and name are the
 * check's own; every other field goes to the type's config.
 */
function declaredChecks(labels: Record<string, string>, problems: string[]) {
  const byKey = new Map<string, Record<string, string>>();
  for (const [label, value] of Object.entries(labels)) {
    const match = /^homehub\.check\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)$/.exec(label);
    if (!match) continue;
    const fields = byKey.get(match[1]!) ?? {};
    fields[match[2]!] = value;
    byKey.set(match[1]!, fields);
  }
  const checks = new Map<string, CheckSpec>();
  for (const [key, fields] of byKey) {
    const type = (fields.type ?? key) as CheckType;
    if (!CHECK_TYPES.includes(type) || type === 'docker' || type === 'push') {
      problems.push(`homehub.check.${key}: "${type}" is not a check type a label can declare`);
      continue;
    }
    const config: Record<string, unknown> = {};
    const spec: CheckSpec = {
      name: fields.name ?? `${type} (label)`,
      type,
      intervalSeconds: DEFAULT_INTERVAL_SECONDS,
      retries: 0,
      config,
    };
    for (const [field, value] of Object.entries(fields)) {
      if (field === 'type' || field === 'name') continue;
      const n = Number(value);
      if (field === 'interval') spec.intervalSeconds = n;
      else if (field === 'timeout') spec.timeoutSeconds = n;
      else if (field === 'retries') spec.retries = n;
      else config[field] = labelValue(field, value);
    }
    if (
      [spec.intervalSeconds, spec.timeoutSeconds ?? 1, spec.retries].some(
        (n) => !Number.isInteger(n) || n < 0,
      )
    ) {
      problems.push(`homehub.check.${key}: interval, timeout and retries must be whole numbers`);
      continue;
    }
    checks.set(`label:${key}`, spec);
  }
  return checks;
}

function traefikChecks(labels: Record<string, string>): Map<string, CheckSpec> {
  const checks = new Map<string, CheckSpec>();
  if (off(labels['traefik.enable'])) return checks;
  for (const [label, rule] of Object.entries(labels)) {
    const router = /^traefik\.http\.routers\.([^.]+)\.rule$/.exec(label)?.[1];
    if (!router) continue;
    const prefix = `traefik.http.routers.${router}`;
    const entrypoints = (labels[`${prefix}.entrypoints`] ?? '').toLowerCase();
    const tls =
      labels[`${prefix}.tls`] === 'true' ||
      labels[`${prefix}.tls.certresolver`] !== undefined ||
      /websecure|https/.test(entrypoints);
    for (const host of hostsOfRule(rule)) {
      checks.set(`traefik:${router}:${host}`, {
        name: `${tls ? 'https' : 'http'}://${host}`,
        type: 'http',
        intervalSeconds: DEFAULT_INTERVAL_SECONDS,
        retries: 0,
        config: { url: `${tls ? 'https' : 'http'}://${host}/` },
      });
    }
  }
  return checks;
}

export function serviceSpecOf(container: ContainerInfo, context: LabelContext): ServiceSpec {
  const labels = container.labels;
  const problems: string[] = [];
  const project = labels['com.docker.compose.project'] ?? null;
  const composeService = labels['com.docker.compose.service'];
  const checks = new Map<string, CheckSpec>();

  checks.set('docker', {
    name: 'Container',
    type: 'docker',
    intervalSeconds: context.dockerIntervalSeconds,
    retries: 0,
    config: {
      engineId: context.engineId,
      container: container.name,
      startingGraceSeconds: numberLabel(labels, 'homehub.health.grace', problems) ?? 120,
      cpuPercent: numberLabel(labels, 'homehub.cpu.above', problems) ?? null,
      cpuSeconds: numberLabel(labels, 'homehub.cpu.for', problems) ?? 60,
      memoryPercent: numberLabel(labels, 'homehub.memory.above', problems) ?? null,
    },
  });
  for (const [key, spec] of declaredChecks(labels, problems)) checks.set(key, spec);

  const auto = context.autoChecks && !off(labels['homehub.autochecks']);
  if (auto && !off(labels['homehub.autochecks.ports'])) {
    for (const port of container.ports) {
      const anyAddress = port.hostIp === '' || port.hostIp === '0.0.0.0' || port.hostIp === '::';
      checks.set(`port:${port.hostPort}`, {
        name: `TCP ${port.hostPort}`,
        type: 'tcp',
        intervalSeconds: DEFAULT_INTERVAL_SECONDS,
        retries: 0,
        config: { host: anyAddress ? context.publishedHost : port.hostIp, port: port.hostPort },
      });
    }
  }
  if (auto && !off(labels['homehub.autochecks.traefik'])) {
    for (const [key, spec] of traefikChecks(labels)) checks.set(key, spec);
  }

  const tags: string[] = [];
  for (const word of (labels['homehub.tags'] ?? '').split(',')) {
    if (word.trim() === '') continue;
    const tag = Tag.safeParse(word);
    if (!tag.success)
      problems.push(`homehub.tags: "${word.trim()}" is not a tag (letters, digits, _ . : / -)`);
    else if (tags.length < 20 && !tags.includes(tag.data)) tags.push(tag.data);
  }

  const name = labels['homehub.name']?.trim() || container.name;
  const place = project && composeService ? ` (${project}/${composeService})` : '';
  return {
    ignore: off(labels['homehub.enable']),
    name: name.slice(0, 120),
    description: (
      labels['homehub.description']?.trim() ||
      `Docker container ${container.name}${place} on ${context.engineName}, image ${container.image}`
    ).slice(0, 2000),
    group: (labels['homehub.group']?.trim() || project)?.slice(0, 120) ?? null,
    tags,
    useHealth: !off(labels['homehub.health']),
    checks,
    problems,
  };
}

/** Tells whether a check must be rewritten: its spec, not its id, is what changed. */
export function specHash(spec: CheckSpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 16);
}

/** What a recreated container must match for its service to be left as it is. */
export function labelsHash(spec: ServiceSpec): string {
  const checks = [...spec.checks].map(([key, check]) => [key, specHash(check)]);
  const parts: unknown[] = [spec.name, spec.description, spec.group, spec.useHealth, checks];
  // Tags came later: a container without them keeps the hash it had before.
  if (spec.tags.length > 0) parts.push(spec.tags);
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
