// The `docker-events` scenario: a container is started and stopped again and again on the
// real engine; each engine event's time (timeNano) is compared with the moment a WebSocket
// client of the hub receives it on the live stream. The hub's CPU and memory are sampled
// meanwhile, and the engine's own stream says how many events there were to deliver.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import Docker from 'dockerode';
import WebSocket from 'ws';
import { buildOf, ensureBuilt, HUB, startHub } from '../lib/hub.mjs';
import { removeAtExit, stop } from '../lib/procs.mjs';
import { fmt, machineFacts, table, today, writeResults } from '../lib/report.mjs';
import { startSampler } from '../lib/sampler.mjs';
import { max, percentile, summary } from '../lib/stats.mjs';

const { fetch } = globalThis;
const IMAGE = 'homehub-test/busybox:latest';
const TARGET_P99_MS = 100;
const ACTIONS = ['start', 'kill', 'die', 'stop'];

export const description =
  'Start and stop a container N times: latency from engine event to WebSocket client.';

export const options = {
  cycles: { type: 'string', default: '200', help: 'start/stop cycles measured' },
  warmup: { type: 'string', default: '5', help: 'cycles run first and not measured' },
  socket: { type: 'string', default: '/var/run/docker.sock', help: 'the engine socket' },
};

/** Wall-clock now in nanoseconds, finer than Date.now(): the engine stamps in nanoseconds. */
const nowNs = () => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));

/** Resolves when `predicate` holds, checking on every call of the returned `poke`. */
function waiter() {
  const pending = new Set();
  return {
    until(predicate, ms, what) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const entry = { predicate, resolve };
        entry.timer = setTimeout(() => {
          pending.delete(entry);
          reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
        }, ms);
        pending.add(entry);
      });
    },
    poke() {
      for (const entry of pending) {
        if (!entry.predicate()) continue;
        clearTimeout(entry.timer);
        pending.delete(entry);
        entry.resolve();
      }
    },
  };
}

export async function run(values) {
  const cycles = Number(values.cycles);
  const warmup = Number(values.warmup);
  ensureBuilt();
  if (!readFileSync(HUB, 'utf8').includes('/engines/:id/containers')) {
    throw new Error(`${HUB} predates the Docker module: run \`npm run build\` first`);
  }
  const docker = new Docker({ socketPath: values.socket });
  const engineVersion = (await docker.version()).Version;
  await docker
    .getImage(IMAGE)
    .inspect()
    .catch(() => {
      throw new Error(`${IMAGE} is missing: build it as ../shared/TESTING.md shows`);
    });

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'hh-bench-docker-'));
  removeAtExit(workDir);
  const credentials = { email: 'bench@example.com', password: randomBytes(12).toString('hex') };
  const log = [];
  const { child, baseUrl } = await startHub({
    workDir,
    dataDir: path.join(workDir, 'data'),
    credentials,
    log,
  });

  const name = `hhbench-${process.pid}`;
  const container = await docker.createContainer({
    name,
    Image: IMAGE,
    Cmd: ['sleep', '86400'],
    HostConfig: { AutoRemove: false },
  });

  // The hub's side: every container event of ours, with the moment it arrived.
  const login = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (login.status !== 200) throw new Error(`login: HTTP ${login.status}`);
  const token = (await login.json()).access;
  const received = new Map(); // key → latency ms
  const wait = waiter();
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws/stream?token=${token}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.on('message', (raw) => {
    const at = nowNs();
    const message = JSON.parse(raw.toString('utf8'));
    if (message.type !== 'event' || message.data.type !== 'container') return;
    const data = message.data.data;
    if (data?.name !== name || !data.engineTimeNano) return;
    const key = `${data.engineTimeNano} ${data.action}`;
    if (received.has(key)) received.set(`${key} doubled`, 0);
    received.set(key, { action: data.action, ms: Number(at - BigInt(data.engineTimeNano)) / 1e6 });
    wait.poke();
  });

  // The engine's side: what there was to deliver, from its own stream. Its latency, read
  // straight off the socket by this process, is the floor: the bare cost of hearing an event.
  const emitted = [];
  const floor = []; // { action, ms }
  const engineStream = await docker.getEvents({
    filters: { type: ['container'], container: [name] },
  });
  let pending = '';
  engineStream.on('data', (chunk) => {
    pending += chunk.toString('utf8');
    let newline;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (!line.trim()) continue;
      const event = JSON.parse(line);
      if (!ACTIONS.includes(event.Action)) continue;
      const timeNano = /"timeNano":(\d+)/.exec(line)[1];
      emitted.push(`${timeNano} ${event.Action}`);
      floor.push({ action: event.Action, ms: Number(nowNs() - BigInt(timeNano)) / 1e6 });
    }
  });
  engineStream.on('error', () => {});

  const arrivals = (action) => [...received.values()].filter((r) => r.action === action).length;
  async function cycle() {
    const starts = arrivals('start');
    const stops = arrivals('stop');
    await container.start();
    await wait.until(() => arrivals('start') > starts, 10_000, 'the start event');
    await container.stop({ t: 0 });
    await wait.until(() => arrivals('stop') > stops, 10_000, 'the stop event');
  }

  console.log(`engine ${engineVersion}; ${warmup} warm-up cycles, then ${cycles} measured…`);
  for (let i = 0; i < warmup; i++) await cycle();
  received.clear();
  emitted.length = 0;
  floor.length = 0;
  const sampler = startSampler(child.pid, 1000);
  const started = performance.now();
  for (let i = 0; i < cycles; i++) {
    await cycle();
    if ((i + 1) % 50 === 0) console.log(`  ${i + 1} cycles`);
  }
  const seconds = (performance.now() - started) / 1000;
  // The last stop's companions (kill, die) are in by now; give stragglers a moment.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const usage = sampler.stop();
  engineStream.destroy();
  socket.close();
  await container.remove({ force: true });
  await stop(child);

  const doubled = [...received.keys()].filter((k) => k.endsWith(' doubled')).length;
  const delivered = [...received.entries()].filter(([k]) => !k.endsWith(' doubled'));
  const missing = emitted.filter((k) => !received.has(k)).length;
  const all = delivered.map(([, r]) => r.ms);
  const floorAll = floor.map((f) => f.ms);
  const rows = [
    ['all', ...figures(all)],
    ['all, floor: the engine stream read directly', ...figures(floorAll)],
  ];
  for (const action of ACTIONS) {
    rows.push([
      action,
      ...figures(delivered.filter(([, r]) => r.action === action).map(([, r]) => r.ms)),
    ]);
    rows.push([
      `${action}, floor`,
      ...figures(floor.filter((f) => f.action === action).map((f) => f.ms)),
    ]);
  }
  const cpu = usage.samples.map((s) => s.cpuPercent);
  const rss = usage.samples.map((s) => s.rssMiB);
  const p99 = percentile(all, 99);
  const facts = machineFacts();
  const build = buildOf();
  const markdown = [
    `# docker-events: engine event → WebSocket client, ${cycles} start/stop cycles`,
    '',
    `Command: \`npm run bench -- docker-events --cycles ${cycles}\`  `,
    `Run: ${new Date().toISOString()}`,
    '',
    `Machine: ${facts.cpuModel}, ${facts.cores} cores, ${facts.memoryGiB} GiB, ${facts.os}, Node ${facts.node}  `,
    `Build: ${build.file}, sha256 ${build.sha256}…, built ${build.builtAt.toISOString()}  `,
    `Engine: Docker ${engineVersion} on the local socket`,
    '',
    `Setup: the built hub on SQLite with its defaults (stats every 15 s), one container of ${IMAGE} started and stopped (\`stop -t 0\`) ${cycles} times after ${warmup} warm-up cycles, each step waiting for its event to reach the client. Latency: the engine's timeNano of the event to the moment a WebSocket client of /ws/stream, on the same machine, received the hub's timeline event for it (the hub inspects the container, writes the event, publishes it). Floor: the same events read by this process straight from the engine's event stream, with no hub in between. Window ${fmt(seconds)} s.`,
    '',
    '## Results',
    '',
    table(['Events', 'count', 'median ms', 'p95 ms', 'p99 ms', 'max ms'], rows),
    '',
    table(
      ['Metric', 'Value'],
      [
        ['Events the engine emitted (start, kill, die, stop)', String(emitted.length)],
        ['Delivered to the client', String(delivered.length)],
        ['Missing / doubled', `${missing} / ${doubled}`],
        [
          'Hub CPU % of one core, median / p95 / max',
          `${fmt(percentile(cpu, 50))} / ${fmt(percentile(cpu, 95))} / ${fmt(max(cpu))}`,
        ],
        ['Hub CPU % of one core, whole window', fmt(usage.cpuPercentOverall)],
        ['Hub RSS MiB, median / max', `${fmt(percentile(rss, 50))} / ${fmt(max(rss))}`],
        ['Hub log lines (warn or worse)', String(log.length)],
      ],
    ),
    '',
    `Target: p99 < ${TARGET_P99_MS} ms: ${p99 !== null && p99 < TARGET_P99_MS ? 'met' : '**not met**'} (${fmt(p99, 2)} ms).`,
    '',
  ].join('\n');
  console.log(`\n${markdown}`);
  const file = writeResults(`docker-events-${today()}`, markdown, {
    cycles,
    warmup,
    seconds,
    engineVersion,
    emitted: emitted.length,
    delivered: delivered.length,
    missing,
    doubled,
    latencyMs: summary(all),
    floorLatencyMs: summary(floorAll),
    p99,
    cpu: { samples: cpu, overall: usage.cpuPercentOverall },
    rssMiB: rss,
    machine: facts,
    build,
  });
  console.log(`written: ${path.relative(process.cwd(), file.md)}`);
}

function figures(values) {
  return [
    String(values.length),
    fmt(percentile(values, 50), 2),
    fmt(percentile(values, 95), 2),
    fmt(percentile(values, 99), 2),
    fmt(max(values), 2),
  ];
}
