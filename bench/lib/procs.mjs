// Child processes the benchmark starts, and the promise that they all end with it.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';

const children = new Set();
const tempDirs = new Set();
let cleaning;

/**
 * Starts `node ...nodeArgs <script> ...args`; it is killed when the benchmark ends, however
 * it ends. Other options go to child_process.spawn.
 */
export function spawnNode(script, args = [], { nodeArgs = [], ...options } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    ...options,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** A directory removed at the end, whatever happens. */
export function removeAtExit(dir) {
  tempDirs.add(dir);
}

/** Waits for a child to exit; after `ms`, kills it. Resolves to its exit code or signal. */
export async function waitForExit(child, ms = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null)
    return child.exitCode ?? child.signalCode;
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const timeout = sleep(ms).then(() => 'timeout');
  if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
  return exited;
}

/** SIGTERM, then SIGKILL if it is still there after `ms`. */
export async function stop(child, ms = 15_000) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  return waitForExit(child, ms);
}

/** Kills every child still running and removes the temp directories. Safe to call twice. */
export function cleanup() {
  cleaning ??= (async () => {
    await Promise.all([...children].map((child) => stop(child, 5000)));
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  })();
  return cleaning;
}

// Ctrl-C or a kill: clean up, then leave. A plain exit with children left: kill them anyway.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the benchmark's processes…`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The first message a child sends over IPC (e.g. the port it listens on). */
export function firstMessage(child, ms = 10_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('child did not answer')), ms);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before answering`)));
  });
}

/** Polls `probe` until it returns true; throws after `ms`. */
export async function waitUntil(probe, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
}
