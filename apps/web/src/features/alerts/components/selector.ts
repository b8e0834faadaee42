import type { Selector } from '@homehub/contracts';

export const SELECTOR_FIELDS = ['serviceIds', 'checkIds', 'groups', 'tags'] as const;

export const EMPTY_SELECTOR: Selector = { serviceIds: [], checkIds: [], groups: [], tags: [] };

/** Just the selector of a rule, silence or window (the form sends all four back). */
export function selectorOf(item: Selector | null | undefined): Selector {
  if (!item) return EMPTY_SELECTOR;
  const { serviceIds, checkIds, groups, tags } = item;
  return { serviceIds, checkIds, groups, tags };
}

const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const named = (list: readonly string[], word: string) =>
  `${word}${list.length === 1 ? '' : 's'} ${list.join(', ')}`;

/** What a selector picks, in words: "Everything", "2 services, group Media, tag critical". */
export function describeSelector(selector: Selector): string {
  const parts = [
    selector.serviceIds.length > 0 && counted(selector.serviceIds.length, 'service'),
    selector.checkIds.length > 0 && counted(selector.checkIds.length, 'check'),
    selector.groups.length > 0 && named(selector.groups, 'group'),
    selector.tags.length > 0 && named(selector.tags, 'tag'),
  ].filter((part) => part !== false);
  return parts.length === 0 ? 'Everything' : parts.join(', ');
}

/** The services a selector names, for a tooltip beside the count. */
export function serviceNamesOf(
  selector: Selector,
  services: readonly { id: number; name: string }[] | undefined,
): string | undefined {
  if (selector.serviceIds.length === 0) return undefined;
  return selector.serviceIds
    .map((id) => services?.find((s) => s.id === id)?.name ?? `#${id}`)
    .join(', ');
}
