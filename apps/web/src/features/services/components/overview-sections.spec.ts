import { describe, expect, it } from 'vitest';
import { newService } from '../../../lib/test-factories.ts';
import { sectionsOf, UNGROUPED } from './overview-sections.ts';

describe('overview sections', () => {
  it('is one unnamed list while no service has a group', () => {
    const services = [newService(), newService()];
    const sections = sectionsOf(services);
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({ name: null, trouble: null });
    expect(sections[0]!.services).toEqual(services);
  });

  it('files services by group, names sorted, the ungrouped last, order kept within', () => {
    const down = newService({ group: 'Media', status: 'down' });
    const up = newService({ group: 'Media' });
    const lone = newService();
    const net = newService({ group: 'Network', status: 'degraded' });
    const apps = newService({ group: 'apps' });
    const sections = sectionsOf([down, lone, net, up, apps]);
    expect(sections.map((s) => s.name)).toEqual(['apps', 'Media', 'Network', UNGROUPED]);
    expect(sections[1]!.services).toEqual([down, up]);
    expect(sections.map((s) => s.trouble)).toEqual([null, '1 down', '1 degraded', null]);
  });
});
