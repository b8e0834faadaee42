// The `history` scenario: one check with a year of history among many, then the API's
// history, results and service-list reads, timed against the floor of a trivial
// authenticated request on the same hub.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { ensureBuilt, startHub } from '../lib/hub.mjs';
import { hubClient, inParallel } from '../lib/hub-api.mjs';
import { removeAtExit, stop } from '../lib/procs.mjs';
import { fmt, machineFacts, table, today, writeResults } from '../lib/report.mjs';
import { percentile, summary } from '../lib/stats.mjs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BINS = 12; // the hub's latency histogram (modules/checks/rollup.ts)
const TARGET_MS = 50;

export const description =
  'A check with a year of history among N others: time the history, results and service reads.';

export const options = {
  checks: { type: 'string', default: '1000', help: 'checks in all (10 per service)' },
  requests: { type: 'string', default: '200', help: 'timed requests per endpoint' },
  'hub-node-args': { type: 'string', help: 'node flags for the hub while it answers the reads' },
};

/** Writes results and rollups straight into the hub's SQLite file (the hub is stopped). */
function seed(file, targetId, otherIds, now) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const insertRaw = db.prepare(
    'INSERT INTO check_results (check_id, at, status, latency_ms, message) VALUES (?, ?, ?, ?, ?)',
  );
  const tiers = Object.fromEntries(
    ['minute', 'hour', 'day'].map((tier) => [
      tier,
      db.prepare(
        `INSERT INTO check_rollups_${tier} (check_id, at, count, up, degraded, down, latency_count, latency_sum, latency_min, latency_max, ${Array.from({ length: BINS }, (_, i) => `bin${i}`).join(', ')}) VALUES (${new Array(10 + BINS).fill('?').join(', ')})`,
      ),
    ]),
  );
  let rows = 0;
  const latency = () => 20 + Math.random() * 60;
  function bucket(tier, checkId, at, count) {
    const down = Math.random() < 0.02 ? Math.max(1, Math.round(count * 0.1)) : 0;
    const bins = new Array(BINS).fill(0);
    bins[3] = count - down; // 50–100 ms
    tiers[tier].run(
      checkId,
      at,
      count,
      count - down,
      0,
      down,
      count - down,
      (count - down) * 50,
      20,
      95,
      ...bins,
    );
    rows++;
  }
  function history(checkId, { rawDays, rawEveryMs, minuteDays, hourDays, dayDays }) {
    for (let at = now - rawDays * DAY; at < now; at += rawEveryMs) {
      const down = Math.random() < 0.01;
      insertRaw.run(
        checkId,
        at,
        down ? 2 : 0,
        down ? null : latency(),
        down ? 'ECONNREFUSED' : 'HTTP 200 OK',
      );
      rows++;
    }
    const perMinute = Math.max(1, MINUTE / rawEveryMs);
    const align = (at, ms) => at - (at % ms);
    for (let at = align(now - minuteDays * DAY, MINUTE); at < now; at += MINUTE)
      bucket('minute', checkId, at, perMinute);
    for (let at = align(now - hourDays * DAY, HOUR); at < now; at += HOUR)
      bucket('hour', checkId, at, perMinute * 60);
    for (let at = align(now - dayDays * DAY, DAY); at < now; at += DAY)
      bucket('day', checkId, at, perMinute * 1440);
  }
  db.transaction(() => {
    // The check under test: the full default retention at a 20 s interval.
    history(targetId, {
      rawDays: 7,
      rawEveryMs: 20_000,
      minuteDays: 30,
      hourDays: 365,
      dayDays: 365,
    });
    // The others: enough that every table is large and the list reads many services.
    for (const id of otherIds) {
      history(id, { rawDays: 1, rawEveryMs: MINUTE, minuteDays: 1, hourDays: 30, dayDays: 365 });
    }
  })();
  db.close();
  return rows;
}

async function time(client, url, requests) {
  for (let i = 0; i < 19; i++) await client.get(url); // warm-up
  const bytes = JSON.stringify(await client.get(url)).length;
  const samples = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await client.get(url);
    samples.push(performance.now() - started);
  }
  return { ...summary(samples), p99: percentile(samples, 99), bytes };
}

export async function run(values) {
  ensureBuilt();
  const checks = Number(values.checks);
  const requests = Number(values.requests);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'hhm-bench-history-'));
  removeAtExit(workDir);
  const dataDir = path.join(workDir, 'data');
  const credentials = {
    email: 'bench@example.com',
    password: randomBytes(15).toString('base64url'),
  };
  const log = [];

  console.log(`creating ${checks} checks (disabled: nothing probes during the reads)…`);
  let hub = await startHub({ workDir, dataDir, credentials, log });
  let client = hubClient(hub.baseUrl, credentials);
  const serviceIds = [];
  await inParallel(Math.ceil(checks / 10), 10, async (s) => {
    serviceIds[s] = (await client.post('/services', { name: `service ${s + 1}` })).id;
  });
  const checkIds = [];
  await inParallel(checks, 10, async (i) => {
    const body = {
      serviceId: serviceIds[Math.floor(i / 10)],
      name: `check ${i + 1}`,
      type: 'http',
      enabled: false,
      config: { url: `http://127.0.0.1:9/${i}` },
    };
    checkIds[i] = (await client.post('/checks', body)).id;
  });
  await stop(hub.child);

  const started = Date.now();
  const [targetId, ...otherIds] = checkIds;
  const rows = seed(path.join(dataDir, 'homehub.db'), targetId, otherIds, Date.now());
  const seedSeconds = (Date.now() - started) / 1000;
  console.log(`seeded ${rows.toLocaleString('en-US')} rows in ${fmt(seedSeconds)} s`);

  const nodeArgs = values['hub-node-args'] ? values['hub-node-args'].split(/\s+/) : [];
  hub = await startHub({ workDir, dataDir, credentials, log, nodeArgs });
  client = hubClient(hub.baseUrl, credentials);
  const since = new Date(Date.now() - 3 * DAY).toISOString();
  const until = new Date(Date.now() - 2 * DAY).toISOString();
  const endpoints = [
    ['floor: GET /me', '/me'],
    ...['24h', '7d', '30d', '90d', '1y'].map((range) => [
      `history ${range}`,
      `/checks/${targetId}/history?range=${range}`,
    ]),
    ['results, newest 50', `/checks/${targetId}/results?limit=50`],
    [
      'results, one day, 500',
      `/checks/${targetId}/results?limit=500&since=${since}&until=${until}`,
    ],
    ['service with uptime', `/services/${serviceIds[0]}`],
    ['services, 50 with uptime', '/services?limit=50'],
  ];
  const measured = [];
  for (const [name, url] of endpoints) {
    measured.push({ name, url, ms: await time(client, url, requests) });
    process.stdout.write('.');
  }
  await stop(hub.child);
  console.log('');

  const floor = measured[0].ms.median;
  const rowsOut = measured.map(({ name, ms }) => [
    name,
    fmt(ms.median, 2),
    fmt(ms.p95, 2),
    fmt(ms.p99, 2),
    fmt(ms.max, 2),
    name.startsWith('floor') ? '' : `${fmt(ms.median - floor, 2)}`,
    name.startsWith('floor') ? '' : ms.p95 < TARGET_MS ? 'yes' : '**no**',
    fmt(ms.bytes / 1024, 1),
  ]);
  const facts = machineFacts();
  const markdown = [
    `# history: reads on a check with a year of history (${checks} checks)`,
    '',
    `Command: \`npm run bench -- history --checks ${checks} --requests ${requests}\`  `,
    `Run: ${new Date().toISOString()}`,
    '',
    `Machine: ${facts.cpuModel}, ${facts.cores} cores, ${facts.memoryGiB} GiB, ${facts.os}, Node ${facts.node}`,
    '',
    `Seeded straight into SQLite: ${rows.toLocaleString('en-US')} rows in ${fmt(seedSeconds)} s. The check under test has 7 days of raw results every 20 s, 30 days of minute buckets and a year of hour and day buckets; each of the ${checks - 1} others has a day of raw results and minute buckets, 30 days of hours and a year of days. ${requests} sequential requests per endpoint after 20 warm-up ones, over HTTP on loopback; the floor is an authenticated request that reads one row.`,
    '',
    table(
      [
        'Endpoint',
        'median ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'median − floor',
        `p95 < ${TARGET_MS} ms`,
      ],
      rowsOut,
    ),
    '',
  ].join('\n');
  console.log(markdown);
  const file = writeResults(`history-${checks}-${today()}`, markdown, {
    checks,
    requests,
    rows,
    seedSeconds,
    measured,
    machine: facts,
  });
  console.log(`written: ${path.relative(process.cwd(), file.md)}`);
}
