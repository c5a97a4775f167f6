import type { Contact, ZohoId } from '../model/types';
import { buildOrgChart } from './org-chart';

const c = (id: string, boss: string | null = null): Contact => ({
  id: id as ZohoId,
  accountId: 'a' as ZohoId,
  name: id,
  department: null,
  title: null,
  reportingToId: boss as ZohoId | null,
  buyingRole: null,
  attitude: null,
  influence: null,
  executiveFlag: false,
  influences: [],
});

describe('buildOrgChart', () => {
  it('puts reports under their boss, depth first', () => {
    const rows = buildOrgChart([c('b', 'a'), c('a'), c('d', 'b'), c('c', 'a')]);
    expect(rows.map((r) => `${r.contact.id}${r.depth}`)).toEqual(['a0', 'b1', 'd2', 'c1']);
  });

  it('shows a boss outside the account and a reporting cycle as roots, everyone once', () => {
    const rows = buildOrgChart([c('x', 'elsewhere'), c('p', 'q'), c('q', 'p'), c('r', 'p')]);
    expect(rows.map((r) => r.contact.id).sort()).toEqual(['p', 'q', 'r', 'x']);
    expect(rows.find((r) => r.contact.id === 'r')?.depth).toBe(1);
    expect(
      rows
        .filter((r) => r.depth === 0)
        .map((r) => r.contact.id)
        .sort(),
    ).toEqual(['p', 'q', 'x']);
  });
});
