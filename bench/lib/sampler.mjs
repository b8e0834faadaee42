// Reads a process's CPU time and memory from /proc (Linux only) at a fixed period.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';

let ticksPerSecond;

/** Clock ticks per second for /proc/<pid>/stat times (`getconf CLK_TCK`, almost always 100). */
export function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100;
    }
    if (!(ticksPerSecond > 0)) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

/** utime + stime of the whole process (all threads), in clock ticks. */
export function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its ')' are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // fields 14 and 15 of stat(5)
}

/** VmRSS and VmHWM (peak) in MiB. */
export function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/**
 * Samples `pid` every `periodMs` until stop(): each sample is the CPU % of one core over
 * the period just ended and the RSS at its end. A process that has exited ends sampling.
 * `onSample(sample, secondsSinceStart)` is called after each one, if given.
 */
export function startSampler(pid, periodMs, onSample) {
  const hz = clockTicks();
  const first = { ticks: cpuTicks(pid), at: performance.now() };
  let last = first;
  const samples = [];
  const timer = setInterval(() => {
    try {
      const now = { ticks: cpuTicks(pid), at: performance.now() };
      const cpuPercent = ((now.ticks - last.ticks) / hz / ((now.at - last.at) / 1000)) * 100;
      const sample = { cpuPercent, ...memory(pid) };
      samples.push(sample);
      last = now;
      onSample?.(sample, (now.at - first.at) / 1000);
    } catch {
      clearInterval(timer);
    }
  }, periodMs);
  return {
    /** Stops sampling; `cpuPercentOverall` is total CPU time over total wall time. */
    stop() {
      clearInterval(timer);
      const seconds = (last.at - first.at) / 1000;
      const cpuSeconds = (last.ticks - first.ticks) / hz;
      return { samples, cpuSeconds, seconds, cpuPercentOverall: (cpuSeconds / seconds) * 100 };
    },
  };
}
