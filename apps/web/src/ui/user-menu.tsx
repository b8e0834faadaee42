import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { signOut, useMe } from '../lib/current-user.ts';
import { ChevronDownIcon, SettingsIcon, UserIcon, UsersIcon } from './icons.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

function initials(name: string, email: string): string {
  const source = name.trim() || email;
  const parts = source.split(/[\s@.]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts[1]?.[0] ?? '')).toUpperCase();
}

export function UserMenu() {
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-label="User menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        className="flex min-h-10 items-center gap-1 rounded-md px-1 text-muted hover:bg-raised hover:text-ink"
      >
        <span className="grid size-7 place-items-center rounded-full bg-accent/15 text-[11px] font-semibold text-accent">
          {me ? initials(me.name, me.email) : '·'}
        </span>
        <ChevronDownIcon size={14} />
      </button>
      {open && (
        <div
          id={menuId}
          className="absolute right-0 z-20 mt-1 w-56 rounded-lg border border-line bg-surface p-1 shadow-lg"
        >
          {me && (
            <div className="border-b border-line px-3 py-2">
              <p className="truncate text-sm font-medium">{me.name || me.email}</p>
              <p className="truncate text-xs text-muted">{me.email}</p>
              <p className="mt-1 text-[11px] uppercase tracking-wide text-faint">{me.role}</p>
            </div>
          )}
          <div className="flex items-center justify-between border-b border-line px-3 py-2 sm:hidden">
            <span className="text-sm text-muted">Theme</span>
            <ThemeToggle />
          </div>
          <Link
            to="/profile"
            onClick={() => setOpen(false)}
            className="mt-1 flex min-h-10 w-full items-center gap-2 rounded-md px-3 text-left text-sm hover:bg-raised"
          >
            <UserIcon size={15} className="text-muted" /> Account and tokens
          </Link>
          {me?.role === 'admin' && (
            <Link
              to="/users"
              onClick={() => setOpen(false)}
              className="flex min-h-10 w-full items-center gap-2 rounded-md px-3 text-left text-sm hover:bg-raised"
            >
              <UsersIcon size={15} className="text-muted" /> People
            </Link>
          )}
          {me?.role === 'admin' && (
            <Link
              to="/settings"
              onClick={() => setOpen(false)}
              className="flex min-h-10 w-full items-center gap-2 rounded-md px-3 text-left text-sm hover:bg-raised"
            >
              <SettingsIcon size={15} className="text-muted" /> Settings
            </Link>
          )}
          <button
            type="button"
            onClick={() => void signOut()}
            className="mt-1 flex min-h-10 w-full items-center rounded-md px-3 text-left text-sm hover:bg-raised"
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
