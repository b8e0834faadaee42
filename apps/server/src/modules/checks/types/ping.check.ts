import { execFile, type ExecFileException } from 'node:child_process';
import { PingConfig } from '@homehub/contracts';
import { defineCheckType, type Observation, type ProbeContext } from '../check.types.ts';

export const PING_UNAVAILABLE = 'ping is not available on this hub: install iputils-ping';

/** 0.2 s is the shortest interval iputils allows an unprivileged user. */
const INTERVAL_S = 0.2;
/** How long ping waits for a reply that does not come. */
const REPLY_WAIT_S = 2;

export interface PingSummary {
  transmitted: number;
  received: number;
  /** Average round trip in ms; null when nothing came back. */
  avgMs: number | null;
}

/** Reads iputils' closing statistics; undefined when ping never got that far. */
export function parsePingOutput(output: string): PingSummary | undefined {
  const counts = /(\d+) packets transmitted, (\d+) received/.exec(output);
  if (!counts) return undefined;
  const rtt = /rtt min\/avg\/max\/mdev = [\d.]+\/([\d.]+)\//.exec(output);
  return {
    transmitted: Number(counts[1]),
    received: Number(counts[2]),
    avgMs: rtt ? Number(rtt[1]) : null,
  };
}

/** Down when nothing came back, degraded from the configured loss, up otherwise. */
export function judgePing(summary: PingSummary, degradedLossPercent: number): Observation {
  const { transmitted, received, avgMs } = summary;
  const lossPercent = transmitted ? ((transmitted - received) / transmitted) * 100 : 100;
  const counts = `${received}/${transmitted} replies, ${Math.round(lossPercent)}% loss`;
  if (received === 0 || avgMs === null) {
    return { status: 'down', latencyMs: null, message: counts };
  }
  return {
    status: lossPercent >= degradedLossPercent ? 'degraded' : 'up',
    latencyMs: Math.round(avgMs * 10) / 10,
    message: `${counts}, avg ${Number(avgMs.toFixed(2))} ms`,
  };
}

/**
 * -W bounds the wait for a reply and -w the whole run, sized to what `count` probes need but
 * kept under the check's timeout, so ping exits by itself and its statistics survive. With
 * -w, iputils sends until `count` replies arrive or the deadline passes: a lossy host gets a
 * few extra probes, and the loss figure stays a fair ratio.
 */
function pingArguments(config: PingConfig, timeoutMs: number): string[] {
  const budgetS = Math.max(1, Math.floor(timeoutMs / 1000) - 1);
  const neededS = Math.ceil((config.count - 1) * INTERVAL_S + REPLY_WAIT_S);
  const deadlineS = Math.min(neededS, budgetS);
  const waitS = Math.min(REPLY_WAIT_S, deadlineS);
  const options = ['-n', '-c', config.count, '-i', INTERVAL_S, '-W', waitS, '-w', deadlineS];
  return [...options.map(String), config.host];
}

interface PingRun {
  error: ExecFileException | null;
  stdout: string;
  stderr: string;
}

/** Resolves even when ping exits non-zero: exit 1 (no replies) still carries statistics. */
function execPing(binary: string, args: string[], signal: AbortSignal): Promise<PingRun> {
  // The C locale keeps the statistics line in the English this parser reads.
  const env = { ...process.env, LC_ALL: 'C' };
  return new Promise((resolve) => {
    execFile(binary, args, { signal, env }, (error, stdout, stderr) =>
      resolve({ error, stdout, stderr }),
    );
  });
}

async function ping(binary: string, config: PingConfig, context: ProbeContext) {
  // The schema's host pattern admits a leading '-', which ping would read as an option.
  if (config.host.startsWith('-')) {
    return down(`Invalid host "${config.host}": a host cannot start with "-"`);
  }
  const run = await execPing(binary, pingArguments(config, context.timeoutMs), context.signal);
  if (run.error?.code === 'ENOENT') return down(PING_UNAVAILABLE);
  if (context.signal.aborted) throw run.error ?? context.signal.reason;
  const summary = parsePingOutput(run.stdout);
  if (summary) return judgePing(summary, config.degradedLossPercent);
  // No statistics: ping gave up early (unknown host, no route, no permission) and said why.
  const reason = run.stderr.trim().split('\n')[0];
  if (reason) return down(reason);
  throw run.error ?? new Error('ping printed no statistics');
}

function down(message: string): Observation {
  return { status: 'down', latencyMs: null, message };
}

/** The ping check, run with the given binary (the hub uses the `ping` on its PATH). */
export function pingWith(binary: string) {
  return defineCheckType({
    type: 'ping',
    config: PingConfig,
    run: (config, context) => ping(binary, config, context),
  });
}

export const pingCheck = pingWith('ping');
