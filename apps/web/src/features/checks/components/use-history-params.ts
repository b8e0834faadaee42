import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { HISTORY_RANGES, type Check, type HistoryRange } from '@homehub/contracts';

export const DEFAULT_RANGE: HistoryRange = '24h';

const isRange = (value: string | null): value is HistoryRange =>
  HISTORY_RANGES.includes(value as HistoryRange);

/** Sets or clears one search param, leaving the others and the history stack alone. */
function useSetParam() {
  const [, setParams] = useSearchParams();
  return useCallback(
    (name: string, value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value === null) next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
}

/** The history range in `?range=`, so a link shows the same window; 24 h needs no param. */
export function useHistoryRange(): [HistoryRange, (range: HistoryRange) => void] {
  const [params] = useSearchParams();
  const setParam = useSetParam();
  const value = params.get('range');
  const range = isRange(value) ? value : DEFAULT_RANGE;
  const setRange = useCallback(
    (next: HistoryRange) => setParam('range', next === DEFAULT_RANGE ? null : next),
    [setParam],
  );
  return [range, setRange];
}

/**
 * The check the chart and the result log follow, in `?check=`; the first check when the
 * param is missing or names a check this service no longer has.
 */
export function useSelectedCheck(
  checks: readonly Check[],
): [number | undefined, (checkId: number) => void] {
  const [params] = useSearchParams();
  const setParam = useSetParam();
  const wanted = Number(params.get('check'));
  const checkId = checks.some((c) => c.id === wanted) ? wanted : checks[0]?.id;
  const setCheck = useCallback(
    (next: number) => setParam('check', next === checks[0]?.id ? null : String(next)),
    [setParam, checks],
  );
  return [checkId, setCheck];
}
