import { useState } from 'react';
import type { Status } from '@homehub/contracts';
import { STATUS_FILL, STATUS_TEXT } from './status-style.ts';

interface StatusDotProps {
  status: Status;
  size?: 'sm' | 'md' | 'lg';
}

const SIZE = { sm: 'size-2', md: 'size-2.5', lg: 'size-3.5' };

/** A coloured dot; it pulses once when the status changes while on screen, never on first render. */
export function StatusDot({ status, size = 'md' }: StatusDotProps) {
  // Counting changes during render (not in an effect) and keying on the count replays the
  // CSS animation once per change without timers.
  const [seen, setSeen] = useState(status);
  const [changes, setChanges] = useState(0);
  if (seen !== status) {
    setSeen(status);
    setChanges((n) => n + 1);
  }

  return (
    <span
      key={changes}
      aria-hidden="true"
      className={`inline-block shrink-0 rounded-full ${SIZE[size]} ${STATUS_FILL[status]} ${STATUS_TEXT[status]} ${
        changes > 0 ? 'animate-ping-once' : ''
      }`}
    />
  );
}
