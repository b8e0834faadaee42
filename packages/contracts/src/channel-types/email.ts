import { z } from 'zod';

const Address = z.email('Must be an email address').max(254);

export const EmailChannelConfig = z
  .object({
    host: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .meta({ title: 'SMTP server', examples: ['smtp.example.com'] }),
    port: z.coerce.number().int().min(1).max(65535).default(587).meta({ title: 'Port' }),
    secure: z.boolean().default(false).meta({
      title: 'TLS from the start',
      description: 'On for port 465; off upgrades with STARTTLS when the server offers it.',
    }),
    username: z.string().max(254).default('').meta({ title: 'Username' }),
    password: z.string().max(1024).default('').meta({ title: 'Password', secret: true }),
    from: Address.meta({ title: 'From', examples: ['homehub@example.com'] }),
    to: z.array(Address).min(1).max(50).meta({ title: 'To', description: 'One address per line.' }),
  })
  .meta({ title: 'Email', description: 'Sends mail through an SMTP server.' });
export type EmailChannelConfig = z.infer<typeof EmailChannelConfig>;
