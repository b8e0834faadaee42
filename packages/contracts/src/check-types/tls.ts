import { z } from 'zod';
import { CertificateWarningDays, HostName, Port } from './shared.ts';

export const TlsConfig = z
  .object({
    host: HostName.meta({ title: 'Host', examples: ['home.example.com'] }),
    port: Port.default(443).meta({ title: 'Port' }),
    serverName: z
      .string()
      .trim()
      .max(253)
      .default('')
      .meta({ title: 'Server name (SNI)', description: 'Defaults to the host.' }),
    certificateWarningDays: CertificateWarningDays,
  })
  .meta({
    title: 'TLS certificate',
    description: 'Certificate expiry and chain validity of host:port.',
  });
export type TlsConfig = z.infer<typeof TlsConfig>;
