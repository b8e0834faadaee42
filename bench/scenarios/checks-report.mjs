// Turns the `checks` scenario's numbers into the console table and the Markdown report.
import { fmt, table } from '../lib/report.mjs';

const TARGET = { checks: 1000, interval: 20, cpuPercent: 5, rssMB: 120 };
const MIB = 2 ** 20;

const ratio = (hub, floor) => (hub !== null && floor ? `${fmt(hub / floor)}×` : '–');

function usageRows({ hub, floor }) {
  const row = (label, key, stat, digits = 1) => [
    label,
    fmt(hub[key][stat], digits),
    fmt(floor[key][stat], digits),
    ratio(hub[key][stat], floor[key][stat]),
  ];
  return [
    row('CPU % of one core, median', 'cpuPercent', 'median'),
    row('CPU % of one core, p95', 'cpuPercent', 'p95'),
    row('CPU % of one core, max', 'cpuPercent', 'max'),
    [
      'CPU % of one core, whole window',
      fmt(hub.cpuPercentOverall),
      fmt(floor.cpuPercentOverall),
      ratio(hub.cpuPercentOverall, floor.cpuPercentOverall),
    ],
    row('RSS MiB, median', 'rssMiB', 'median'),
    row('RSS MiB, p95', 'rssMiB', 'p95'),
    row('RSS MiB, max', 'rssMiB', 'max'),
    ['RSS MiB, peak since start (VmHWM)', fmt(hub.peakRssMiB), fmt(floor.peakRssMiB), ''],
  ];
}

/** Total time, and seconds per thousand checks when there are several thousands. */
function creation({ seconds, milestones = [] }) {
  const perThousand = milestones.map((t, i) => fmt(t - (milestones[i - 1] ?? 0)));
  return milestones.length > 1
    ? `${fmt(seconds)} s (s per 1,000: ${perThousand.join(', ')})`
    : `${fmt(seconds)} s`;
}

function resultRows(d) {
  const r = d.results;
  const statuses = Object.entries(r.byStatus)
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');
  return [
    [
      'Results written / s (rows added)',
      `${fmt(r.perSecond)} of ${fmt(r.expectedPerSecond)} expected`,
    ],
    ['Keeping up (written ÷ expected)', `${fmt(r.keepingUp * 100)} %`],
    ['Probes started in window / s (by `at`)', fmt(r.probedPerSecond)],
    ['Results in window by status', statuses || '–'],
    ['Checks with a result in window', `${r.checksSeen} of ${d.params.checks}`],
    [
      'Lag: gap between runs − interval, ms',
      `median ${fmt(d.lagMs.median, 0)}, p95 ${fmt(d.lagMs.p95, 0)}, max ${fmt(d.lagMs.max, 0)}, min ${fmt(d.lagMs.min, 0)}`,
    ],
    ['Skipped runs (gap > 1.5 × interval)', String(d.skippedRuns)],
    [
      'Bytes per stored result (table + indexes)',
      `${fmt(d.storage.bytesPerResult)} (${d.storage.method})`,
    ],
    [
      'Whole database file ÷ results (all tables, rollups too)',
      fmt(d.storage.fileBytes / d.storage.rows),
    ],
    [
      'Floor probes / s',
      `${fmt(d.floor.probesPerSecond)} (${d.floor.failed} failed, ${d.params.floorConnections} connections)`,
    ],
    ['Creating services and checks through the API', creation(d.creation)],
    ['Hub shutdown on SIGTERM', `${fmt(d.hub.stopSeconds, 2)} s, exit ${d.hub.exit}`],
    ['Hub log lines (warn or worse)', String(d.hubLog.lines)],
  ];
}

export function renderTable(d) {
  return [
    table(['Metric', 'Hub', 'Floor', 'Hub ÷ floor'], usageRows(d)),
    table(['Metric', 'Value'], resultRows(d)),
  ].join('\n\n');
}

function targets(d) {
  const atTargetLoad = d.params.checks === TARGET.checks && d.params.interval === TARGET.interval;
  const cpu = d.hub.cpuPercentOverall;
  const rssMB = (d.hub.rssMiB.max * MIB) / 1e6;
  const verdict = (ok) => (atTargetLoad ? (ok ? '**met**' : '**missed**') : 'n/a at this load');
  return [
    `Targets (for ${fmt(TARGET.checks, 0)} checks every ${TARGET.interval} s):`,
    '',
    `- CPU ≤ ${TARGET.cpuPercent} % of one core over the window: ${fmt(cpu)} % → ${verdict(cpu <= TARGET.cpuPercent)}`,
    `- RSS ≤ ${TARGET.rssMB} MB (10⁶ bytes; ${fmt((TARGET.rssMB * 1e6) / MIB)} MiB) at its highest sample: ` +
      `${fmt(rssMB)} MB → ${verdict(rssMB <= TARGET.rssMB)}`,
  ].join('\n');
}

export function renderMarkdown(d) {
  const m = d.machine;
  const p = d.params;
  const log = d.hubLog.first.length
    ? ['', '## Hub log (warn or worse, first lines)', '', '```', ...d.hubLog.first, '```']
    : [];
  const failures = d.results.failures.length
    ? [
        '',
        '## Most common failures in the window',
        '',
        table(
          ['Message', 'Count'],
          d.results.failures.map((f) => [f.message ?? '', String(f.n)]),
        ),
      ]
    : [];
  const storage = d.storage.byObject
    ? [
        '',
        '## Storage by table and index (dbstat, after the hub stopped)',
        '',
        table(
          ['Object', 'Bytes', 'Bytes per result'],
          d.storage.byObject
            .slice(0, 10)
            .map((o) => [o.name, fmt(o.bytes, 0), fmt(o.bytes / d.storage.rows)]),
        ),
      ]
    : [];
  return [
    `# checks: ${fmt(p.checks, 0)} HTTP checks every ${p.interval} s`,
    '',
    `Command: \`${d.command}\`  `,
    `Run: ${d.date}`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}  `,
    `Build: ${d.build.file}, sha256 ${d.build.sha256}…, built ${new Date(d.build.builtAt).toISOString()}`,
    '',
    `Setup: ${p.checks} checks in ${d.creation.services} services, ` +
      `hub ${p.restart ? 'restarted after creating them (phases spread)' : 'not restarted (phases as created)'}, ` +
      `CHECK_CONCURRENCY ${p.concurrency ?? 'unset'}, ` +
      (p.hubNodeArgs ? `hub started with \`node ${p.hubNodeArgs}\`, ` : '') +
      `warm-up ${p.warmup} s, ` +
      `window ${fmt(d.window.seconds, 0)} s, a sample every ${p.sample} s. ` +
      `Machine load average (1 min) at window start / end: ` +
      `${d.window.loadAverage.map((l) => fmt(l, 2)).join(' / ')}.`,
    '',
    '## Results',
    '',
    renderTable(d),
    '',
    targets(d),
    ...storage,
    ...failures,
    ...log,
    '',
  ].join('\n');
}
