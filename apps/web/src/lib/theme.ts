import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

/** Also read by the inline script in index.html, which applies the theme before first paint. */
const STORAGE_KEY = 'homehub.theme';
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

const listeners = new Set<() => void>();
let choice: ThemeChoice = readChoice();

function readChoice(): ThemeChoice {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

function resolve(current: ThemeChoice): Theme {
  if (current !== 'system') return current;
  return darkQuery().matches ? 'dark' : 'light';
}

function apply() {
  document.documentElement.classList.toggle('dark', resolve(choice) === 'dark');
  for (const listener of listeners) listener();
}

export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  if (next === 'system') localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, next);
  apply();
}

/** Keeps the page in step with the system setting (when followed) and with other tabs. */
export function watchTheme(): () => void {
  const query = darkQuery();
  const onSystem = () => choice === 'system' && apply();
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    choice = readChoice();
    apply();
  };
  query.addEventListener('change', onSystem);
  window.addEventListener('storage', onStorage);
  apply();
  return () => {
    query.removeEventListener('change', onSystem);
    window.removeEventListener('storage', onStorage);
  };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useThemeChoice = () => useSyncExternalStore(subscribe, () => choice);

/** The theme actually shown, for code that draws (charts) rather than styles. */
export const useResolvedTheme = () => useSyncExternalStore(subscribe, () => resolve(choice));
