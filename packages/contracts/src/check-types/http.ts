import { z } from 'zod';
import { CertificateWarningDays } from './shared.ts';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** "200", "2xx" or "200-299". */
export const StatusCodePattern = z
  .string()
  .regex(
    /^([1-5]xx|[1-5]\d\d(-[1-5]\d\d)?)$/,
    'Use a code (200), a class (2xx) or a range (200-299)',
  );

export const HTTP_AUTH = ['none', 'basic', 'bearer'] as const;

export const HttpConfig = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: 'Must be an http:// or https:// URL' })
      .max(2048)
      .meta({ title: 'URL', examples: ['https://jellyfin.lan/health'] }),
    method: z.enum(HTTP_METHODS).default('GET').meta({ title: 'Method' }),
    expectedStatus: z
      .array(StatusCodePattern)
      .min(1)
      .max(20)
      .default(['2xx'])
      .meta({ title: 'Expected status', description: 'Codes (200), classes (2xx) or ranges.' }),
    headers: z
      .record(
        z
          .string()
          .min(1)
          .max(200)
          .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'Must be a header name'),
        z.string().max(4096),
      )
      .default({})
      .meta({ title: 'Headers', description: 'One "Name: value" per line.' }),
    body: z.string().max(65_536).default('').meta({
      title: 'Request body',
      description: 'Sent as is with every method but GET and HEAD.',
    }),
    auth: z.enum(HTTP_AUTH).default('none').meta({ title: 'Authentication' }),
    username: z
      .string()
      .max(200)
      .default('')
      .meta({ title: 'Username', showIf: { auth: 'basic' } }),
    password: z
      .string()
      .max(200)
      .default('')
      .meta({ title: 'Password', secret: true, showIf: { auth: 'basic' } }),
    token: z
      .string()
      .max(4096)
      .default('')
      .meta({ title: 'Bearer token', secret: true, showIf: { auth: 'bearer' } }),
    keyword: z
      .string()
      .max(1000)
      .default('')
      .meta({ title: 'Keyword', description: 'Text the response body must contain.' }),
    keywordAbsent: z
      .boolean()
      .default(false)
      .meta({ title: 'Keyword must be absent', description: 'Down when the keyword appears.' }),
    jsonPath: z
      .string()
      .max(500)
      .regex(/^(\$)?(\.?[A-Za-z0-9_-]+|\[\d+\])*$/, 'Use a path like $.status or data.items[0].ok')
      .default('')
      .meta({ title: 'JSON path', examples: ['$.status'] }),
    jsonValue: z
      .string()
      .max(1000)
      .default('')
      .meta({ title: 'JSON value', description: 'What the value at the JSON path must equal.' }),
    followRedirects: z.boolean().default(true).meta({ title: 'Follow redirects' }),
    ignoreTlsErrors: z.boolean().default(false).meta({
      title: 'Ignore TLS errors',
      description: 'Accept self-signed or expired certificates.',
    }),
    degradedAboveMs: z.int().min(0).max(600_000).default(0).meta({
      title: 'Degraded above (ms)',
      description: 'Slower answers count as degraded; 0 turns it off.',
    }),
    certificateWarningDays: CertificateWarningDays,
  })
  .superRefine((config, ctx) => {
    if (config.auth === 'basic' && !config.username) {
      ctx.addIssue({
        code: 'custom',
        path: ['username'],
        message: 'Required for basic authentication',
      });
    }
    if (config.auth === 'bearer' && !config.token) {
      ctx.addIssue({
        code: 'custom',
        path: ['token'],
        message: 'Required for bearer authentication',
      });
    }
    if (config.jsonValue && !config.jsonPath) {
      ctx.addIssue({
        code: 'custom',
        path: ['jsonPath'],
        message: 'Required when a JSON value is set',
      });
    }
  })
  .meta({ title: 'HTTP(S)', description: 'Requests a URL and checks the answer.' });
export type HttpConfig = z.infer<typeof HttpConfig>;
