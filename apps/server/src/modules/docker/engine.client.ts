import http from 'node:http';
import type { Readable } from 'node:stream';
import Docker from 'dockerode';

/** One event of the engine's stream, as far as the hub reads it. */
export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  time: number;
  /** Nanoseconds since the epoch, as a string of digits: a double cannot hold it exactly. */
  timeNano: string;
}

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  imageId: string;
  labels: Record<string, string>;
  state: string;
  health: 'starting' | 'healthy' | 'unhealthy' | null;
  /** The last health probe's output, when it failed. */
  healthOutput: string | null;
  exitCode: number | null;
  oomKilled: boolean;
  startedAt: number | null;
  restartCount: number;
  tty: boolean;
  /** Published TCP ports: the host side. */
  ports: { hostIp: string; hostPort: number; containerPort: number }[];
}

export interface StatsSample {
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  netRxBytes: number;
  netTxBytes: number;
  blockReadBytes: number;
  blockWriteBytes: number;
}

export interface EngineClient {
  /** The host name a published port is reached on from the hub. */
  readonly publishedHost: string;
  version(timeoutMs: number): Promise<string>;
  /** Every container's id, name and state (one call). */
  list(): Promise<{ id: string; name: string; state: string }[]>;
  /** Null when the container no longer exists. */
  inspect(id: string): Promise<ContainerInfo | null>;
  /** The last lines of its output, stdout and stderr interleaved. */
  logs(id: string, tty: boolean, lines: number): Promise<string[]>;
  stats(id: string): Promise<StatsSample | null>;
  /**
   * Follows container events from `since` ("seconds.nanoseconds"; omitted: from now). Each
   * event goes to `onEvent` in order; `onEnd` is called once when the stream ends for any
   * reason. Answers a function that stops following.
   */
  follow(
    since: string | null,
    onEvent: (event: EngineEvent) => void,
    onEnd: (error: Error | null) => void,
  ): Promise<() => void>;
  close(): void;
}

/** unix:///var/run/docker.sock or tcp://host:2375 → dockerode's options. */
export function connectionOf(url: string): Docker.DockerOptions & { publishedHost: string } {
  if (url.startsWith('unix://')) {
    return { socketPath: url.slice('unix://'.length), publishedHost: '127.0.0.1' };
  }
  const parsed = new URL(url.replace(/^tcp:/, 'http:'));
  const protocol = parsed.protocol === 'https:' ? 'https' : 'http';
  return {
    host: parsed.hostname,
    port: Number(parsed.port || (protocol === 'https' ? 2376 : 2375)),
    protocol,
    publishedHost: parsed.hostname,
  };
}

const notFound = (error: unknown) => (error as { statusCode?: number }).statusCode === 404;

/**
 * Output of a container without a TTY comes in frames: one byte for the stream, three
 * zero bytes, four for the length, then the payload. With a TTY it is plain text.
 */
export function demultiplex(buffer: Buffer, tty: boolean): string {
  if (tty) return buffer.toString('utf8');
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const length = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + length));
    offset += 8 + length;
  }
  return Buffer.concat(parts).toString('utf8');
}

type RawStats = {
  cpu_stats?: {
    cpu_usage?: { total_usage?: number };
    system_cpu_usage?: number;
    online_cpus?: number;
  };
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number };
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
};

/** The Engine API's raw figures → percentages and byte counts (as `docker stats` shows them). */
export function sampleOf(raw: RawStats): StatsSample | null {
  const cpu = raw.cpu_stats;
  if (!cpu?.cpu_usage || !raw.memory_stats) return null;
  const cpuDelta =
    (cpu.cpu_usage.total_usage ?? 0) - (raw.precpu_stats?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu.system_cpu_usage ?? 0) - (raw.precpu_stats?.system_cpu_usage ?? 0);
  const cpus = cpu.online_cpus ?? 1;
  const cpuPercent = systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * cpus * 100 : 0;
  const memory = raw.memory_stats;
  // Page cache the kernel can drop is not the container's to answer for.
  const cache = memory.stats?.inactive_file ?? memory.stats?.total_inactive_file ?? 0;
  let netRxBytes = 0;
  let netTxBytes = 0;
  for (const network of Object.values(raw.networks ?? {})) {
    netRxBytes += network.rx_bytes ?? 0;
    netTxBytes += network.tx_bytes ?? 0;
  }
  let blockReadBytes = 0;
  let blockWriteBytes = 0;
  for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op.toLowerCase();
    if (op === 'read') blockReadBytes += entry.value;
    else if (op === 'write') blockWriteBytes += entry.value;
  }
  return {
    cpuPercent: Math.round(cpuPercent * 100) / 100,
    memoryBytes: Math.max(0, (memory.usage ?? 0) - cache),
    memoryLimitBytes: memory.limit ?? 0,
    netRxBytes,
    netTxBytes,
    blockReadBytes,
    blockWriteBytes,
  };
}

function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return work(controller.signal).finally(() => clearTimeout(timer));
}

const REQUEST_TIMEOUT_MS = 10_000;

export function createEngineClient(url: string): EngineClient {
  const { publishedHost, ...options } = connectionOf(url);
  // Kept-alive connections: an inspect per event should not pay for a new connection.
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 16 });
  const docker = new Docker({ ...options, agent } as Docker.DockerOptions);

  return {
    publishedHost,

    async version(timeoutMs) {
      const answer = await withTimeout(
        (abortSignal) =>
          (docker.version as (options: object) => Promise<Docker.DockerVersion>)({ abortSignal }),
        timeoutMs,
      );
      return answer.Version;
    },

    async list() {
      const containers = await withTimeout(
        (abortSignal) => docker.listContainers({ all: true, abortSignal } as object),
        REQUEST_TIMEOUT_MS,
      );
      return containers.map((c) => ({
        id: c.Id,
        name: (c.Names[0] ?? c.Id).replace(/^\//, ''),
        state: c.State,
      }));
    },

    async inspect(id) {
      let info: Docker.ContainerInspectInfo;
      try {
        info = await withTimeout(
          (abortSignal) => docker.getContainer(id).inspect({ abortSignal } as object),
          REQUEST_TIMEOUT_MS,
        );
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
      const health = info.State.Health?.Status;
      const probes = info.State.Health?.Log ?? [];
      const lastProbe = probes[probes.length - 1];
      const ports: ContainerInfo['ports'] = [];
      for (const [key, bindings] of Object.entries(info.NetworkSettings.Ports ?? {})) {
        const [port, protocol] = key.split('/');
        if (protocol !== 'tcp' || !bindings) continue;
        for (const binding of bindings) {
          const hostPort = Number(binding.HostPort);
          // One port published on IPv4 and IPv6 is one check.
          if (hostPort > 0 && !ports.some((p) => p.hostPort === hostPort)) {
            ports.push({ hostIp: binding.HostIp, hostPort, containerPort: Number(port) });
          }
        }
      }
      const startedAt = Date.parse(info.State.StartedAt);
      return {
        id: info.Id,
        name: info.Name.replace(/^\//, ''),
        image: info.Config.Image,
        imageId: info.Image,
        labels: info.Config.Labels ?? {},
        state: info.State.Status,
        health:
          health === 'starting' || health === 'healthy' || health === 'unhealthy' ? health : null,
        healthOutput: lastProbe && lastProbe.ExitCode !== 0 ? lastProbe.Output.trim() : null,
        exitCode: info.State.Running ? null : info.State.ExitCode,
        oomKilled: info.State.OOMKilled,
        // A container never started reports year 1.
        startedAt: startedAt > 0 ? startedAt : null,
        restartCount: info.RestartCount,
        tty: info.Config.Tty,
        ports,
      };
    },

    async logs(id, tty, lines) {
      const output = await withTimeout(
        (abortSignal) =>
          docker
            .getContainer(id)
            .logs({ stdout: true, stderr: true, tail: lines, follow: false, abortSignal }),
        REQUEST_TIMEOUT_MS,
      );
      return demultiplex(output, tty)
        .split('\n')
        .map((line) => line.replace(/\r$/, ''))
        .filter((line, i, all) => line !== '' || i < all.length - 1)
        .slice(-lines);
    },

    async stats(id) {
      try {
        const raw = await withTimeout(
          (abortSignal) =>
            docker.getContainer(id).stats({ stream: false, abortSignal } as { stream: false }),
          REQUEST_TIMEOUT_MS,
        );
        return sampleOf(raw);
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },

    async follow(since, onEvent, onEnd) {
      const controller = new AbortController();
      const stream = (await docker.getEvents({
        ...(since ? { since } : {}),
        filters: { type: ['container'] },
        abortSignal: controller.signal,
      } as object)) as Readable;
      let pending = '';
      let ended = false;
      const end = (error: Error | null) => {
        if (ended) return;
        ended = true;
        onEnd(error);
      };
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        // One chunk may hold several events, or part of one: split on newlines.
        pending += chunk;
        let newline: number;
        while ((newline = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, newline).trim();
          pending = pending.slice(newline + 1);
          if (!line) continue;
          try {
            const event = JSON.parse(line) as EngineEvent;
            // timeNano is a JSON number beyond a double's precision: take its digits as sent.
            event.timeNano = /"timeNano":\s*(\d+)/.exec(line)?.[1] ?? `${event.time}000000000`;
            onEvent(event);
          } catch {
            /* a line that is not an event (never seen): skip it */
          }
        }
      });
      // When the engine goes away the stream reports an error, then closes, never ends.
      stream.on('error', (error) => end(error));
      stream.on('end', () => end(null));
      stream.on('close', () => end(null));
      return () => {
        ended = true;
        controller.abort();
        stream.destroy();
      };
    },

    close() {
      agent.destroy();
    },
  };
}
