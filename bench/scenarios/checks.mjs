// The `checks` scenario: N HTTP checks against a local target. Measures the hub's CPU and
// memory beside a bare "floor" process doing the same probes, the results it writes per
// second, how late runs start, and the bytes each stored result takes.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildOf, ensureBuilt, ROOT, startHub } from '../lib/hub.mjs';
import { hubClient, inParallel } from '../lib/hub-api.mjs';
import { firstMessage, removeAtExit, spawnNode, stop } from '../lib/procs.mjs';
import { fmt, machineFacts, today, writeResults } from '../lib/report.mjs';
import { countResults, fileBytes, resultStorage, windowStats } from '../lib/results-db.mjs';
import { startSampler } from '../lib/sampler.mjs';
import { summary } from '../lib/stats.mjs';
import { renderMarkdown, renderTable } from './checks-report.mjs';

const CHILDREN = path.resolve(import.meta.dirname, '../children');

export const description =
  'N HTTP checks against a local target: hub CPU/RSS beside a bare floor, results/s, lag, bytes per result.';

export const options = {
  checks: { type: 'string', default: '1000', help: 'number of checks' },
  interval: { type: 'string', default: '20', help: 'check interval in seconds' },
  'per-service': { type: 'string', default: '10', help: 'checks per service' },
  warmup: { type: 'string', default: '30', help: 'warm-up before measuring, seconds' },
  seconds: { type: 'string', help: 'measurement window in seconds (default 120)' },
  minutes: { type: 'string', help: 'measurement window in minutes' },
  sample: { type: 'string', default: '5', help: 'sampling period in seconds' },
  parallel: { type: 'string', default: '20', help: 'API requests in flight while creating' },
  concurrency: { type: 'string', help: "hub's CHECK_CONCURRENCY (default: unset)" },
  'floor-connections': {
    type: 'string',
    default: 'keep-alive',
    help: 'keep-alive, or fresh: a new connection per probe',
  },
  'hub-node-args': {
    type: 'string',
    help: 'node flags for the hub, e.g. "--hub-node-args=--cpu-prof --cpu-prof-dir=/tmp/p"',
  },
  'no-restart': {
    type: 'boolean',
    default: false,
    help: 'keep the hub running after creating the checks (see README: phases)',
  },
};

function positive(values, name) {
  const value = Number(values[name]);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** Creates the services and the checks through the API; returns how long it took. */
async function createChecks(client, { checks, perService, interval, targetPort, parallel }) {
  const started = Date.now();
  const serviceIds = [];
  const milestones = [];
  await inParallel(Math.ceil(checks / perService), parallel, async (s) => {
    serviceIds[s] = (await client.post('/services', { name: `bench service ${s + 1}` })).id;
  });
  await inParallel(checks, parallel, async (i) => {
    await client.post('/checks', {
      serviceId: serviceIds[Math.floor(i / perService)],
      name: `bench check ${i + 1}`,
      type: 'http',
      intervalSeconds: interval,
      config: { url: `http://127.0.0.1:${targetPort}/c/${i}` },
    });
    if ((i + 1) % 1000 === 0) {
      // Seconds at each thousand: a rate that falls as checks accumulate shows up here.
      milestones.push((Date.now() - started) / 1000);
      if (process.stdout.isTTY) process.stdout.write(`  ${i + 1}…\r`);
    }
  });
  return { services: serviceIds.length, seconds: (Date.now() - started) / 1000, milestones };
}

async function ask(child, message) {
  const answer = firstMessage(child);
  child.send(message);
  return answer;
}

/** Per-sample CPU % and RSS in one object, for the hub or the floor. */
function usage(sampled) {
  return {
    cpuPercent: summary(sampled.samples.map((s) => s.cpuPercent)),
    rssMiB: summary(sampled.samples.map((s) => s.rssMiB)),
    peakRssMiB: sampled.samples.at(-1)?.peakMiB ?? null,
    cpuPercentOverall: sampled.cpuPercentOverall,
    cpuSeconds: sampled.cpuSeconds,
    samples: sampled.samples,
  };
}

export async function run(values, argv) {
  const params = {
    checks: Math.round(positive(values, 'checks')),
    interval: Math.round(positive(values, 'interval')),
    perService: Math.round(positive(values, 'per-service')),
    warmup: Number(values.warmup),
    window: values.seconds
      ? positive(values, 'seconds')
      : values.minutes
        ? positive(values, 'minutes') * 60
        : 120,
    sample: positive(values, 'sample'),
    parallel: Math.round(positive(values, 'parallel')),
    concurrency: values.concurrency ?? null,
    floorConnections: values['floor-connections'],
    hubNodeArgs: values['hub-node-args'] ?? null,
    restart: !values['no-restart'],
  };
  if (!['keep-alive', 'fresh'].includes(params.floorConnections)) {
    throw new Error('--floor-connections must be keep-alive or fresh');
  }
  const command = ['npm run bench --', 'checks', ...argv].join(' ');
  console.log(`${command}\n`);
  ensureBuilt();
  const build = buildOf();

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'homehub-bench-'));
  removeAtExit(workDir);
  const dataDir = path.join(workDir, 'data');
  const dbFile = path.join(dataDir, 'homehub.db');
  const credentials = {
    email: 'bench@example.com',
    password: randomBytes(15).toString('base64url'),
  };
  const hubLog = [];
  const hubOptions = {
    workDir,
    dataDir,
    credentials,
    concurrency: params.concurrency,
    nodeArgs: params.hubNodeArgs ? params.hubNodeArgs.split(/\s+/) : [],
    log: hubLog,
  };

  const target = spawnNode(path.join(CHILDREN, 'target.mjs'));
  const { port: targetPort } = await firstMessage(target);
  console.log(`target   http://127.0.0.1:${targetPort} (pid ${target.pid})`);

  let hub = await startHub(hubOptions);
  console.log(`hub      ${hub.baseUrl} (pid ${hub.child.pid}), data in ${dataDir}`);
  const client = hubClient(hub.baseUrl, credentials);
  await client.login();
  const creation = await createChecks(client, { ...params, targetPort });
  console.log(
    `created  ${params.checks} checks in ${creation.services} services in ${fmt(creation.seconds)} s`,
  );
  if (params.restart) {
    // Checks created through the API run at once and keep that phase; a restart spreads
    // their first runs over one interval, as on any hub that has been restarted.
    await stop(hub.child);
    hub = await startHub(hubOptions);
    console.log(`restarted the hub (pid ${hub.child.pid}) so check phases are spread`);
  }

  const floor = spawnNode(path.join(CHILDREN, 'floor.mjs'), [
    String(targetPort),
    String(params.checks),
    String(params.interval),
    params.floorConnections,
  ]);
  console.log(`floor    pid ${floor.pid}\nwarming up for ${params.warmup} s…`);
  await sleep(params.warmup * 1000);

  console.log(`measuring for ${params.window} s, a sample every ${params.sample} s:`);
  if (os.loadavg()[0] > os.availableParallelism() / 2) {
    console.log(`  warning: load average ${fmt(os.loadavg()[0], 2)}; something else is busy`);
  }
  const windowStart = Date.now();
  const loadStart = os.loadavg()[0];
  const rowsStart = countResults(dbFile);
  const bytesStart = fileBytes(dbFile);
  const floorStart = await ask(floor, 'counts');
  const hubSampler = startSampler(hub.child.pid, params.sample * 1000, (s, t) =>
    console.log(`  ${fmt(t, 0).padStart(4)} s  hub ${fmt(s.cpuPercent)} % ${fmt(s.rssMiB)} MiB`),
  );
  const floorSampler = startSampler(floor.pid, params.sample * 1000);
  // Half a period more, so the sample due at the end of the window is taken.
  await sleep((params.window + params.sample / 2) * 1000);
  const hubUsage = usage(hubSampler.stop());
  const floorUsage = usage(floorSampler.stop());
  const windowEnd = Date.now();
  const loadEnd = os.loadavg()[0];
  const rowsEnd = countResults(dbFile);
  const floorEnd = await ask(floor, 'counts');

  console.log('stopping the hub (SIGTERM)…');
  const stopStarted = Date.now();
  const exit = await stop(hub.child);
  const stopSeconds = (Date.now() - stopStarted) / 1000;
  await stop(floor);

  const seconds = (windowEnd - windowStart) / 1000;
  const intervalMs = params.interval * 1000;
  const inWindow = windowStats(dbFile, windowStart, windowEnd, intervalMs);
  const storage = resultStorage(dbFile);
  const storageMethod = storage.bytes === null ? 'file growth' : 'dbstat';
  const bytesPerResult =
    storage.bytes === null
      ? (fileBytes(dbFile) - bytesStart) / Math.max(1, storage.rows - rowsStart)
      : storage.bytes / storage.rows;
  const expectedPerSecond = params.checks / params.interval;

  const data = {
    scenario: 'checks',
    command,
    date: new Date().toISOString(),
    machine: machineFacts(),
    build,
    params,
    creation,
    window: { start: windowStart, end: windowEnd, seconds, loadAverage: [loadStart, loadEnd] },
    hub: { ...hubUsage, exit, stopSeconds },
    floor: {
      ...floorUsage,
      probes: floorEnd.ok - floorStart.ok,
      failed: floorEnd.failed - floorStart.failed,
      probesPerSecond: (floorEnd.ok - floorStart.ok) / seconds,
    },
    results: {
      rowsStart,
      rowsEnd,
      perSecond: (rowsEnd - rowsStart) / seconds,
      expectedPerSecond,
      keepingUp: (rowsEnd - rowsStart) / seconds / expectedPerSecond,
      probedInWindow: inWindow.total,
      probedPerSecond: inWindow.total / seconds,
      byStatus: inWindow.byStatus,
      failures: inWindow.failures,
      checksSeen: inWindow.checksSeen,
    },
    lagMs: summary(inWindow.lagMs),
    skippedRuns: inWindow.skipped,
    storage: { method: storageMethod, bytesPerResult, ...storage },
    hubLog: { lines: hubLog.length, first: hubLog.slice(0, 30) },
  };

  const name = `checks-${params.checks}-${today()}`;
  console.log(`\n${renderTable(data)}\n`);
  const files = writeResults(name, renderMarkdown(data), data);
  console.log(`written: ${path.relative(ROOT, files.md)}, ${path.relative(ROOT, files.json)}`);
  if (hubLog.length)
    console.log(
      `\nthe hub wrote ${hubLog.length} log lines (warn or worse):\n${hubLog.slice(0, 10).join('\n')}`,
    );
}
