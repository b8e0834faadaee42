/** Where the live stream stands; the live feature's hook reports it, this shows it. */
export type LiveState = 'connecting' | 'live' | 'reconnecting';

const LABEL: Record<LiveState, string> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
};

/** Whether the page is following the hub live; stale data is worse than no data, so say so. */
export function LiveIndicator({ state }: { state: LiveState }) {
  const live = state === 'live';
  return (
    <span
      role="status"
      data-live={state}
      title={live ? 'Updates arrive as they happen' : 'The live stream is down; retrying'}
      className="inline-flex items-center gap-1.5 rounded-full border border-line px-1.5 py-0.5 sm:px-2 text-xs font-medium text-muted"
    >
      <span className="relative flex size-2">
        {live && (
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-up opacity-40 [animation-duration:2.5s]" />
        )}
        <span
          className={`relative inline-flex size-2 rounded-full ${live ? 'bg-up' : 'bg-degraded'}`}
        />
      </span>
      {/* On a phone a steady green dot says it; trouble is always spelt out. */}
      <span className={live ? 'sr-only sm:not-sr-only' : ''}>{LABEL[state]}</span>
    </span>
  );
}
