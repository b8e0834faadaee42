/** A service's group and tags as small quiet chips; nothing when it has neither. */
export function ServiceLabels({
  group,
  tags,
  className = '',
}: {
  group: string | null;
  tags: readonly string[];
  className?: string;
}) {
  if (!group && tags.length === 0) return null;
  return (
    <ul
      aria-label="Group and tags"
      className={`m-0 flex list-none flex-wrap items-center gap-1 p-0 ${className}`}
    >
      {group && (
        <li className="rounded border border-line px-1.5 text-[11px] leading-4 font-medium text-muted">
          <span className="sr-only">Group </span>
          {group}
        </li>
      )}
      {tags.map((tag) => (
        <li
          key={tag}
          className="rounded bg-raised px-1.5 text-[11px] leading-4 text-muted before:text-faint before:content-['#']"
        >
          <span className="sr-only">Tag </span>
          {tag}
        </li>
      ))}
    </ul>
  );
}
