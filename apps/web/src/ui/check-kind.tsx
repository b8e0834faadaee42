import type { CheckType } from '@homehub/contracts';
import {
  BoxIcon,
  GlobeIcon,
  LockIcon,
  PlugIcon,
  PulseIcon,
  SignpostIcon,
  UploadIcon,
} from './icons.tsx';

const KIND: Record<CheckType, { label: string; Icon: typeof GlobeIcon; title: string }> = {
  http: { label: 'HTTP', Icon: GlobeIcon, title: 'HTTP request' },
  tcp: { label: 'TCP', Icon: PlugIcon, title: 'TCP port' },
  dns: { label: 'DNS', Icon: SignpostIcon, title: 'DNS lookup' },
  ping: { label: 'Ping', Icon: PulseIcon, title: 'ICMP ping' },
  tls: { label: 'TLS', Icon: LockIcon, title: 'TLS certificate' },
  push: { label: 'Push', Icon: UploadIcon, title: 'Push (heartbeat from a job)' },
  docker: { label: 'Docker', Icon: BoxIcon, title: 'Docker container' },
};

/** A check type as a small icon + label, e.g. in the overview's "kinds" column. */
export function CheckKind({ type, count }: { type: CheckType; count?: number }) {
  const { label, Icon, title } = KIND[type];
  return (
    <span
      title={title}
      className="inline-flex items-center gap-1 rounded border border-line bg-raised px-1.5 py-px font-mono text-[11px] font-medium text-muted"
    >
      <Icon size={12} />
      {label}
      {count !== undefined && count > 1 && <span className="text-faint">×{count}</span>}
    </span>
  );
}

export function CheckKinds({ types }: { types: readonly CheckType[] }) {
  const counts = new Map<CheckType, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  if (counts.size === 0) return <span className="text-xs text-faint">No checks</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {[...counts].map(([type, count]) => (
        <CheckKind key={type} type={type} count={count} />
      ))}
    </span>
  );
}
