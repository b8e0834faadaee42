import type { ServiceSummary } from '@homehub/contracts';

export interface Section {
  key: string;
  /** Null: the one list of a hub where no service has a group. */
  name: string | null;
  services: ServiceSummary[];
  down: number;
  /** "1 down, 2 degraded", or null when all is well. */
  trouble: string | null;
}

export const UNGROUPED = 'Ungrouped';

/**
 * The overview's services by group, in the order given (most urgent first) within each;
 * groups by name, the services without one last. Without any group, one unnamed section.
 */
export function sectionsOf(services: readonly ServiceSummary[]): Section[] {
  const byGroup = new Map<string | null, ServiceSummary[]>();
  for (const service of services) {
    const list = byGroup.get(service.group);
    if (list) list.push(service);
    else byGroup.set(service.group, [service]);
  }
  if (byGroup.size === 1 && byGroup.has(null)) return [sectionOf(null, services)];
  const names = [...byGroup.keys()]
    .filter((name): name is string => name !== null)
    .sort((a, b) => a.localeCompare(b));
  const sections = names.map((name) => sectionOf(name, byGroup.get(name)!));
  const rest = byGroup.get(null);
  if (rest) sections.push(sectionOf(UNGROUPED, rest, 'ungrouped'));
  return sections;
}

function sectionOf(
  name: string | null,
  services: readonly ServiceSummary[],
  key = `group:${name}`,
): Section {
  const down = services.filter((s) => s.status === 'down').length;
  const degraded = services.filter(
    (s) => s.status === 'degraded' || s.status === 'flapping',
  ).length;
  const trouble = [down > 0 ? `${down} down` : null, degraded > 0 ? `${degraded} degraded` : null]
    .filter(Boolean)
    .join(', ');
  return { key, name, services: [...services], down, trouble: trouble || null };
}
