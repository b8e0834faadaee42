import { describe, expect, it } from 'vitest';
import { formatBytes, formatPercent, formatRelative, formatSpan } from './format.ts';

describe('formatBytes', () => {
  it('uses decimal units with about three significant digits', () => {
    expect(formatBytes(940)).toBe('940 B');
    expect(formatBytes(9_800_000)).toBe('9.80 MB');
    expect(formatBytes(33_880_000)).toBe('33.9 MB');
    expect(formatBytes(420_000_000)).toBe('420 MB');
    expect(formatBytes(1_050_000_000)).toBe('1.05 GB');
  });
});

describe('formatPercent', () => {
  it('never rounds an imperfect uptime up to a perfect one', () => {
    expect(formatPercent(99.999)).toBe('99.99%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(98.25)).toBe('98.3%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatSpan', () => {
  it('names whole UTC days by their dates, the end one the last inside', () => {
    const day = Date.parse('2026-01-01T00:00:00.000Z');
    expect(formatSpan(day, day + 86_400_000)).toMatch(/Jan 1, 2026/);
    expect(formatSpan(day, day + 5 * 86_400_000)).toMatch(/Jan 1\s*–\s*5, 2026/);
  });
});

describe('formatRelative', () => {
  it('reads back for the past and forward for what is ahead, and near now as now', () => {
    const now = new Date('2026-01-01T12:00:00.000Z');
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(formatRelative(at(-5), now)).toBe('just now');
    expect(formatRelative(at(5), now)).toBe('just now');
    expect(formatRelative(at(-90), now)).toBe('1 min ago');
    expect(formatRelative(at(2 * 3600), now)).toBe('in 2 h');
    expect(formatRelative(at(3 * 86_400), now)).toBe('in 3 d');
  });
});
