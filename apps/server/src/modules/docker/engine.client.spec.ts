import { describe, expect, it } from 'vitest';
import { connectionOf, demultiplex, sampleOf } from './engine.client.ts';
import { nanoToSince, sinceToNano } from './container.follower.ts';

describe('the engine client', () => {
  it('reads a socket path or a TCP address', () => {
    expect(connectionOf('unix:///var/run/docker.sock')).toEqual({
      socketPath: '/var/run/docker.sock',
      publishedHost: '127.0.0.1',
    });
    expect(connectionOf('tcp://proxy.lan:2375')).toMatchObject({
      host: 'proxy.lan',
      port: 2375,
      protocol: 'http',
      publishedHost: 'proxy.lan',
    });
  });

  it('takes stdout and stderr frames apart, and plain text with a TTY', () => {
    const frame = (stream: number, text: string) => {
      const payload = Buffer.from(text);
      const header = Buffer.alloc(8);
      header[0] = stream;
      header.writeUInt32BE(payload.length, 4);
      return Buffer.concat([header, payload]);
    };
    const muxed = Buffer.concat([frame(1, 'out 1\n'), frame(2, 'err 1\n'), frame(1, 'out 2\n')]);
    expect(demultiplex(muxed, false)).toBe('out 1\nerr 1\nout 2\n');
    expect(demultiplex(Buffer.from('plain\n'), true)).toBe('plain\n');
  });

  it('computes CPU % as docker stats does, and memory without reclaimable cache', () => {
    const sample = sampleOf({
      cpu_stats: { cpu_usage: { total_usage: 3_000 }, system_cpu_usage: 20_000, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 1_000 }, system_cpu_usage: 10_000 },
      memory_stats: { usage: 500, limit: 1_000, stats: { inactive_file: 100 } },
      networks: { eth0: { rx_bytes: 10, tx_bytes: 20 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'Read', value: 7 },
          { op: 'write', value: 9 },
        ],
      },
    });
    expect(sample).toEqual({
      cpuPercent: 40,
      memoryBytes: 400,
      memoryLimitBytes: 1_000,
      netRxBytes: 11,
      netTxBytes: 22,
      blockReadBytes: 7,
      blockWriteBytes: 9,
    });
    expect(sampleOf({})).toBeNull();
  });

  it('keeps nanosecond event times exact between the stream and the events API', () => {
    const nano = 1795879692400723217n;
    expect(nanoToSince(nano)).toBe('1795879692.400723217');
    expect(sinceToNano('1795879692.400723217')).toBe(nano);
    expect(sinceToNano('1795879692')).toBe(1795879692000000000n);
  });
});
