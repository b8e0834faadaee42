import type { z } from 'zod';

type Config = Record<string, unknown>;
const cache = new WeakMap<z.ZodObject, string[]>();

/**
 * The fields a config schema marks `.meta({ secret: true })` (a password, a token, a webhook
 * URL): written and replaced through the API, never answered.
 */
export function secretFieldsOf(schema: z.ZodObject): string[] {
  let keys = cache.get(schema);
  if (!keys) {
    keys = Object.entries(schema.shape as Record<string, z.ZodType>)
      .filter(([, field]) => (field.meta() as { secret?: boolean } | undefined)?.secret === true)
      .map(([key]) => key);
    cache.set(schema, keys);
  }
  return keys;
}

/** The config as an answer may carry it: without its secrets. */
export function withoutSecrets(schema: z.ZodObject, config: Config): Config {
  const secrets = secretFieldsOf(schema);
  return secrets.length === 0
    ? config
    : Object.fromEntries(Object.entries(config).filter(([key]) => !secrets.includes(key)));
}

/**
 * A new config from a patch: a secret the patch leaves out keeps its stored value (the API
 * never showed it, so a form sends it back only to replace it).
 */
export function keepingSecrets(schema: z.ZodObject, stored: Config, patch: Config): Config {
  const kept: Config = {};
  for (const key of secretFieldsOf(schema)) {
    if (!(key in patch) && key in stored) kept[key] = stored[key];
  }
  return { ...patch, ...kept };
}
