import { z } from 'zod';

/** A host name or an IP address (v4 or v6), as a probe would dial it. */
export const HostName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9._:][A-Za-z0-9.:_-]*$/, 'Must be a host name or an IP address');

export const Port = z.coerce.number().int().min(1).max(65535);

/** Days before a TLS certificate expires at which a check turns degraded; 0 turns the warning off. */
export const CertificateWarningDays = z.int().min(0).max(365).default(14).meta({
  title: 'Warn before certificate expiry (days)',
  description: 'Degraded when the certificate expires within this many days; 0 turns it off.',
});
