import { z } from 'zod';
import { HostName, Port } from './shared.ts';

export const TcpConfig = z
  .object({
    host: HostName.meta({ title: 'Host', examples: ['nas.lan'] }),
    port: Port.meta({ title: 'Port', examples: [22] }),
  })
  .meta({ title: 'TCP port', description: 'Opens a connection to host:port.' });
export type TcpConfig = z.infer<typeof TcpConfig>;
