import { z } from 'zod';
import { HostName } from './shared.ts';

const IPv4 = z.ipv4();
const IPv6 = z.ipv6();

/** "", "192.168.1.1", "192.168.1.1:5353", "fd00::1" or "[fd00::1]:5353". */
export function isResolver(value: string): boolean {
  if (value === '') return true;
  const match = /^\[([^\]]+)\]:(\d{1,5})$/.exec(value) ?? /^([^:]+):(\d{1,5})$/.exec(value);
  const [address, port] = match ? [match[1]!, Number(match[2])] : [value, 53];
  if (port < 1 || port > 65_535) return false;
  return IPv4.safeParse(address).success || IPv6.safeParse(address).success;
}

export const DNS_RECORD_TYPES = [
  'A',
  'AAAA',
  'CNAME',
  'MX',
  'TXT',
  'NS',
  'SRV',
  'PTR',
  'SOA',
  'CAA',
] as const;

export const DnsConfig = z
  .object({
    name: HostName.meta({ title: 'Name', examples: ['home.example.com'] }),
    recordType: z.enum(DNS_RECORD_TYPES).default('A').meta({ title: 'Record type' }),
    resolver: z
      .string()
      .trim()
      .max(300)
      .refine(isResolver, 'Must be an IP address, optionally with :port (1–65535)')
      .default('')
      .meta({
        title: 'Resolver',
        description: 'An IP (and :port); empty uses the system resolver.',
        examples: ['192.168.1.1'],
      }),
    expected: z.string().trim().max(1000).default('').meta({
      title: 'Expected value',
      description: 'One of the answers must equal this; empty accepts any answer.',
    }),
  })
  .meta({ title: 'DNS', description: 'Resolves a name and compares the answer.' });
export type DnsConfig = z.infer<typeof DnsConfig>;
