import net from 'node:net';
import { TcpConfig } from '@homehub/contracts';
import { defineCheckType, type Observation } from '../check.types.ts';

export const tcpCheck = defineCheckType({
  type: 'tcp',
  config: TcpConfig,
  run(config, context) {
    const started = performance.now();
    return new Promise<Observation>((resolve, reject) => {
      const socket = net.connect({ host: config.host, port: config.port, signal: context.signal });
      socket.once('connect', () => {
        const latencyMs = Math.round(performance.now() - started);
        socket.destroy();
        resolve({ status: 'up', latencyMs, message: `Connected to ${config.host}:${config.port}` });
      });
      socket.once('error', (error) => {
        socket.destroy();
        reject(error);
      });
    });
  },
});
