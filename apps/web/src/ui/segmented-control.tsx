interface SegmentedOption<T extends string> {
  value: T;
  label: string;
  /** A longer name for the tooltip, e.g. "Last 7 days" for "7d". */
  title?: string;
}

interface SegmentedControlProps<T extends string> {
  label: string;
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** One choice among a few, all in view: toggle buttons in a row, the chosen one raised. */
export function SegmentedControl<T extends string>({
  label,
  options,
  value,
  onChange,
}: SegmentedControlProps<T>) {
  return (
    <div
      role="group"
      aria-label={label}
      className="inline-flex shrink-0 rounded-md border border-line bg-raised p-0.5"
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          title={option.title}
          onClick={() => onChange(option.value)}
          className={`min-h-9 min-w-9 rounded px-2 text-xs font-medium tabular transition-colors sm:min-h-7 ${
            option.value === value ? 'bg-surface text-ink shadow-xs' : 'text-muted hover:text-ink'
          }`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
