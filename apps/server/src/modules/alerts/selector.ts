import type { Selector } from '@homehub/contracts';

/** A selector as rules, silences and windows store it: four JSON arrays. */
export interface SelectorColumns {
  serviceIds: string;
  checkIds: string;
  groups: string;
  tags: string;
}

/** What a selector is asked about: a check or service, with its service's group and tags. */
export interface Subject {
  serviceId: number | null;
  checkId: number | null;
  group: string | null;
  tags: readonly string[];
}

export function selectorOf(row: SelectorColumns): Selector {
  return {
    serviceIds: JSON.parse(row.serviceIds) as number[],
    checkIds: JSON.parse(row.checkIds) as number[],
    groups: JSON.parse(row.groups) as string[],
    tags: JSON.parse(row.tags) as string[],
  };
}

const unique = <T>(list: readonly T[]) => JSON.stringify([...new Set(list)]);

export function selectorColumns(selector: Selector): SelectorColumns {
  return {
    serviceIds: unique(selector.serviceIds),
    checkIds: unique(selector.checkIds),
    groups: unique(selector.groups),
    tags: unique(selector.tags),
  };
}

/** The columns a patch changes: only the parts of the selector it names. */
export function selectorPatch(patch: Partial<Selector>): Partial<SelectorColumns> {
  const columns: Partial<SelectorColumns> = {};
  if (patch.serviceIds !== undefined) columns.serviceIds = unique(patch.serviceIds);
  if (patch.checkIds !== undefined) columns.checkIds = unique(patch.checkIds);
  if (patch.groups !== undefined) columns.groups = unique(patch.groups);
  if (patch.tags !== undefined) columns.tags = unique(patch.tags);
  return columns;
}

/** A check or service as selectors see it: with its service's group and tags, if any. */
export function subjectOf(
  labelsOf: (serviceId: number) => { group: string | null; tags: readonly string[] },
  whom: { serviceId: number | null; checkId: number | null },
): Subject {
  return {
    serviceId: whom.serviceId,
    checkId: whom.checkId,
    ...(whom.serviceId === null ? { group: null, tags: [] } : labelsOf(whom.serviceId)),
  };
}

/**
 * Whom a selector covers: any of its services or checks, anything in one of its groups or
 * carrying one of its tags; everything when it names nothing at all.
 */
export function covers(selector: Selector, subject: Subject): boolean {
  const { serviceIds, checkIds, groups, tags } = selector;
  if (serviceIds.length + checkIds.length + groups.length + tags.length === 0) return true;
  return (
    (subject.serviceId !== null && serviceIds.includes(subject.serviceId)) ||
    (subject.checkId !== null && checkIds.includes(subject.checkId)) ||
    // Compose projects are lower case and people type "Media": a group matches in any case.
    (subject.group !== null &&
      groups.some((group) => group.toLowerCase() === subject.group!.toLowerCase())) ||
    subject.tags.some((tag) => tags.includes(tag))
  );
}
