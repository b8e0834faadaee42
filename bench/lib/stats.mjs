// Small descriptive statistics over arrays of numbers. Empty input gives null, not NaN.

const sorted = (values) => [...values].sort((a, b) => a - b);

/** The p-th percentile (0–100), linearly interpolated between the two nearest ranks. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const s = sorted(values);
  const rank = (p / 100) * (s.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return s[low] + (s[high] - s[low]) * (rank - low);
}

export const median = (values) => percentile(values, 50);

export const max = (values) =>
  values.length === 0 ? null : values.reduce((m, v) => (v > m ? v : m), -Infinity);

export const min = (values) =>
  values.length === 0 ? null : values.reduce((m, v) => (v < m ? v : m), Infinity);

export const mean = (values) =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

/** median, p95, min, max and mean in one object. */
export function summary(values) {
  return {
    median: median(values),
    p95: percentile(values, 95),
    min: min(values),
    max: max(values),
    mean: mean(values),
    n: values.length,
  };
}
