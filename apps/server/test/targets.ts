import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A real HTTP server a check can probe; its answer can be changed while it runs. */
export interface HttpTarget {
  url: string;
  port: number;
  /** The status every request gets (default 200). */
  status: number;
  /** How long each answer waits (default 0). */
  delayMs: number;
  requests: number;
  /** Stops listening: later probes find the port closed. */
  stop(): Promise<void>;
}

export async function startHttpTarget(
  handler?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean,
): Promise<HttpTarget> {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    target.requests++;
    if (handler?.(req, res)) return;
    setTimeout(() => {
      res.writeHead(target.status, { 'content-type': 'text/plain' });
      res.end('ok');
    }, target.delayMs);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const target: HttpTarget = {
    url: `http://127.0.0.1:${port}`,
    port,
    status: 200,
    delayMs: 0,
    requests: 0,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return target;
}

/** A real TCP listener that accepts and closes. */
export async function startTcpTarget(): Promise<{ port: number; stop(): Promise<void> }> {
  const server = net.createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on (bound then released). */
export async function closedPort(): Promise<number> {
  const target = await startTcpTarget();
  await target.stop();
  const { port } = target;
  return port;
}
