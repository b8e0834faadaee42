import { z } from 'zod';
import { HostName } from './shared.ts';

export const PingConfig = z
  .object({
    host: HostName.meta({ title: 'Host', examples: ['192.168.1.1'] }),
    count: z
      .int()
      .min(1)
      .max(20)
      .default(3)
      .meta({ title: 'Packets', description: 'Echo requests per run.' }),
    degradedLossPercent: z.int().min(1).max(100).default(1).meta({
      title: 'Degraded from loss (%)',
      description: 'Down only when every packet is lost.',
    }),
  })
  .meta({ title: 'Ping', description: 'ICMP echo: round trip and packet loss.' });
export type PingConfig = z.infer<typeof PingConfig>;
