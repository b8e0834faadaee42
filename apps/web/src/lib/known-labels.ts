/** The groups and tags services already have, for a form to offer, each once and sorted. */
export function knownLabels(
  services: readonly { group: string | null; tags: readonly string[] }[],
) {
  const groups = new Set<string>();
  const tags = new Set<string>();
  for (const service of services) {
    if (service.group) groups.add(service.group);
    for (const tag of service.tags) tags.add(tag);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { groups: sorted(groups), tags: sorted(tags) };
}
