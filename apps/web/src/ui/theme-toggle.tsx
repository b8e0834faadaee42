import { setThemeChoice, useThemeChoice, type ThemeChoice } from '../lib/theme.ts';
import { MonitorIcon, MoonIcon, SunIcon } from './icons.tsx';

const CHOICES: { value: ThemeChoice; label: string; Icon: typeof SunIcon }[] = [
  { value: 'light', label: 'Light theme', Icon: SunIcon },
  { value: 'dark', label: 'Dark theme', Icon: MoonIcon },
  { value: 'system', label: 'System theme', Icon: MonitorIcon },
];

export function ThemeToggle() {
  const current = useThemeChoice();
  return (
    <div
      role="group"
      aria-label="Theme"
      className="flex rounded-md border border-line bg-raised p-0.5"
    >
      {CHOICES.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          aria-label={label}
          aria-pressed={current === value}
          title={label}
          onClick={() => setThemeChoice(value)}
          className={`grid size-9 place-items-center sm:size-7 rounded transition-colors ${
            current === value ? 'bg-surface text-ink shadow-xs' : 'text-faint hover:text-ink'
          }`}
        >
          <Icon size={14} />
        </button>
      ))}
    </div>
  );
}
