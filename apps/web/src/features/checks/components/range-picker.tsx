import { HISTORY_RANGES, type HistoryRange } from '@homehub/contracts';
import { SegmentedControl } from '../../../ui/segmented-control.tsx';

export const RANGE_TITLE: Record<HistoryRange, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '1y': 'Last year',
};

const OPTIONS = HISTORY_RANGES.map((range) => ({
  value: range,
  label: range,
  title: RANGE_TITLE[range],
}));

export function RangePicker({
  value,
  onChange,
}: {
  value: HistoryRange;
  onChange: (range: HistoryRange) => void;
}) {
  return <SegmentedControl label="Range" options={OPTIONS} value={value} onChange={onChange} />;
}
