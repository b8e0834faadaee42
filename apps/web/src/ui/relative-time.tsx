import { useEffect, useState } from 'react';
import { formatExact, formatRelative } from '../lib/format.ts';

const listeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;

/** One shared 15 s tick for every relative time on the page. */
function useTick(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const update = () => setNow(new Date());
    listeners.add(update);
    ticker ??= setInterval(() => listeners.forEach((listener) => listener()), 15_000);
    return () => {
      listeners.delete(update);
      if (listeners.size === 0) {
        clearInterval(ticker);
        ticker = undefined;
      }
    };
  }, []);
  return now;
}

interface RelativeTimeProps {
  at: string;
  className?: string;
}

/** "3 min ago", with the exact time in the viewer's zone on hover. */
export function RelativeTime({ at, className }: RelativeTimeProps) {
  const now = useTick();
  const date = new Date(at);
  return (
    <time dateTime={at} title={formatExact(date)} className={className}>
      {formatRelative(date, now > date ? now : date)}
    </time>
  );
}
