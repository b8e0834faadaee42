import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, copyFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe } from 'vitest';

const run = promisify(execFile);

export const TEST_IMAGE = 'homehub-test/busybox:latest';
export const SOCKET = '/var/run/docker.sock';

/** Whether a Docker engine answers here (the CLI talks to the default socket). */
function engineAnswers(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
      stdio: 'ignore',
      timeout: 10_000,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the test image from the static busybox binary when it is missing: nothing can be
 * pulled here, and the image needs only a shell, sleep, nc and httpd.
 */
function ensureImage(): void {
  try {
    execFileSync('docker', ['image', 'inspect', TEST_IMAGE], { stdio: 'ignore' });
    return;
  } catch {
    /* build it below */
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'hh-busybox-'));
  try {
    mkdirSync(path.join(root, 'bin'));
    copyFileSync('/bin/busybox', path.join(root, 'bin/busybox'));
    for (const applet of [
      'sh',
      'sleep',
      'echo',
      'true',
      'false',
      'cat',
      'ls',
      'nc',
      'httpd',
      'wget',
      'kill',
    ]) {
      symlinkSync('busybox', path.join(root, 'bin', applet));
    }
    execFileSync('sh', ['-c', `tar -C "${root}" -c . | docker import - ${TEST_IMAGE}`], {
      stdio: 'ignore',
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * `describe` when a Docker engine answers; without one, outside CI, the suite is skipped
 * and says why; in CI a missing engine fails the run.
 */
export function describeWithDocker(name: string, body: () => void): void {
  if (engineAnswers()) {
    ensureImage();
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    throw new Error(`${name}: no Docker engine answers at ${SOCKET}, and CI needs one`);
  }
  describe.skip(`${name} (skipped: no Docker engine answers at ${SOCKET}; start dockerd)`, body);
}

/** Names every container a test run makes, so afterAll removes exactly those. */
export const PREFIX = `hhtest-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { timeout: 60_000 });
  return stdout.trim();
}

/** Starts a container of the test image; answers its id. */
export async function runContainer(
  name: string,
  { command = ['sleep', '3600'], options = [] }: { command?: string[]; options?: string[] } = {},
): Promise<string> {
  return docker('run', '-d', '--name', name, ...options, TEST_IMAGE, ...command);
}

/** Removes every container this run made (whatever state it is in). */
export async function removeTestContainers(): Promise<void> {
  const ids = await docker('ps', '-aq', '--filter', `name=^${PREFIX}`);
  if (ids) await docker('rm', '-f', ...ids.split('\n')).catch(() => undefined);
}

/**
 * A TCP proxy to the engine's socket: the hub reads the engine through it, and a test
 * can cut it (the engine goes away for the hub) and restore it on the same port.
 */
export async function startSocketProxy() {
  const sockets = new Set<net.Socket>();
  const pipe = (client: net.Socket) => {
    const upstream = net.connect(SOCKET);
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream).pipe(client);
  };
  let server = net.createServer(pipe);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `tcp://127.0.0.1:${port}`,
    /** Refuses new connections and drops every open one. */
    async cut() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    async restore() {
      server = net.createServer(pipe);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    async stop() {
      if (server.listening) await this.cut();
    },
  };
}
