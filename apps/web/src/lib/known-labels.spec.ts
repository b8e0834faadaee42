import { describe, expect, it } from 'vitest';
import { knownLabels } from './known-labels.ts';

describe('knownLabels', () => {
  it('lists the groups and tags services have, each once, sorted', () => {
    expect(
      knownLabels([
        { group: 'Media', tags: ['nas', 'critical'] },
        { group: null, tags: ['critical'] },
        { group: 'apps', tags: [] },
        { group: 'Media', tags: [] },
      ]),
    ).toEqual({ groups: ['apps', 'Media'], tags: ['critical', 'nas'] });
  });
});
