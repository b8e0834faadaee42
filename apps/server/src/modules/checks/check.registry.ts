import type { CheckType } from '@homehub/contracts';
import { parseNested } from '../../platform/validation.ts';
import type { CheckTypeDefinition, Observation } from './check.types.ts';
import { dnsCheck } from './types/dns.check.ts';
import { dockerCheck } from './types/docker.check.ts';
import { httpCheck } from './types/http.check.ts';
import { pingCheck } from './types/ping.check.ts';
import { pushCheck } from './types/push.check.ts';
import { tcpCheck } from './types/tcp.check.ts';
import { tlsCheck } from './types/tls.check.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own config type
type AnyCheckType = CheckTypeDefinition<any, Observation | null>;

/** Every check type the hub knows. A new type adds its module and one line here. */
const TYPES: Record<CheckType, AnyCheckType> = {
  http: httpCheck,
  tcp: tcpCheck,
  dns: dnsCheck,
  ping: pingCheck,
  tls: tlsCheck,
  push: pushCheck,
  docker: dockerCheck,
};

export function checkTypeOf(type: CheckType): AnyCheckType {
  return TYPES[type];
}

/** Validates a config for its type, naming each bad field as `config.<field>`. */
export function parseConfig(type: CheckType, config: unknown): Record<string, unknown> {
  return parseNested(TYPES[type].config, config, 'config') as Record<string, unknown>;
}
