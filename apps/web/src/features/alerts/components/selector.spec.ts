import { describe, expect, it } from 'vitest';
import { describeSelector, EMPTY_SELECTOR, selectorOf, serviceNamesOf } from './selector.ts';

describe('describeSelector', () => {
  it('says Everything when nothing is named', () => {
    expect(describeSelector(EMPTY_SELECTOR)).toBe('Everything');
  });

  it('counts services and checks and names groups and tags', () => {
    expect(
      describeSelector({ serviceIds: [1, 2], checkIds: [], groups: ['Media'], tags: ['critical'] }),
    ).toBe('2 services, group Media, tag critical');
    expect(
      describeSelector({ serviceIds: [7], checkIds: [3], groups: [], tags: ['nas', 'backup'] }),
    ).toBe('1 service, 1 check, tags nas, backup');
    expect(
      describeSelector({ serviceIds: [], checkIds: [], groups: ['Media', 'Network'], tags: [] }),
    ).toBe('groups Media, Network');
  });
});

describe('selectorOf', () => {
  it('keeps only the four selector fields', () => {
    const rule = { id: 4, name: 'Disks', serviceIds: [1], checkIds: [], groups: [], tags: ['x'] };
    expect(selectorOf(rule)).toEqual({ serviceIds: [1], checkIds: [], groups: [], tags: ['x'] });
    expect(selectorOf(null)).toEqual(EMPTY_SELECTOR);
  });
});

describe('serviceNamesOf', () => {
  it('names known services and numbers the rest', () => {
    const selector = { ...EMPTY_SELECTOR, serviceIds: [1, 9] };
    expect(serviceNamesOf(selector, [{ id: 1, name: 'Plex' }])).toBe('Plex, #9');
    expect(serviceNamesOf(EMPTY_SELECTOR, [])).toBeUndefined();
  });
});
