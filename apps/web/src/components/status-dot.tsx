import { useEffect, useRef, useState } from 'react';
import type { Status } from '@homehub/contracts';
import { STATUS_FILL, STATUS_TEXT } from './status-style.ts';

interface StatusDotProps {
  status: Status;
  size?: 'sm' | 'md' | 'lg';
}

const SIZE = { sm: 'size-2', md: 'size-2.5', lg: 'size-3.5' };

/** A coloured dot; it pulses once when the status changes while on screen, never on first render. */
export function StatusDot({ status, size = 'md' }: StatusDotProps) {
  const previous = useRef(status);
  const [changed, setChanged] = useState(false);

  useEffect(() => {
    if (previous.current === status) return;
    previous.current = status;
    setChanged(true);
    const timer = setTimeout(() => setChanged(false), 1000);
    return () => clearTimeout(timer);
  }, [status]);

  return (
    <span
      aria-hidden="true"
      className={`inline-block shrink-0 rounded-full ${SIZE[size]} ${STATUS_FILL[status]} ${STATUS_TEXT[status]} ${
        changed ? 'animate-ping-once' : ''
      }`}
    />
  );
}
