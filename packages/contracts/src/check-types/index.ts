import { DnsConfig } from './dns.ts';
import { DockerConfig } from './docker.ts';
import { HttpConfig } from './http.ts';
import { PingConfig } from './ping.ts';
import { PushConfig } from './push.ts';
import { TcpConfig } from './tcp.ts';
import { TlsConfig } from './tls.ts';

export * from './dns.ts';
export * from './docker.ts';
export * from './http.ts';
export * from './ping.ts';
export * from './push.ts';
export * from './tcp.ts';
export * from './tls.ts';

/**
 * Each check type's config schema, in the order the dashboard offers them. A new type adds
 * its schema file here and its module to the hub's registry; forms and the API follow.
 */
export const CHECK_CONFIGS = {
  http: HttpConfig,
  tcp: TcpConfig,
  dns: DnsConfig,
  ping: PingConfig,
  tls: TlsConfig,
  push: PushConfig,
  docker: DockerConfig,
} as const;
