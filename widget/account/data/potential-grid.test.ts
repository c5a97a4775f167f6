import { potentialGrid } from './potential-grid';

describe('potentialGrid', () => {
  it('lays rows out by segment × offering and marks whitespace', () => {
    const g = potentialGrid([
      { segment: '本社', offering: 'ERP', potential: 100, current: 0 },
      { segment: '本社', offering: 'CRM', potential: 50, current: 20 },
      { segment: '子会社', offering: 'ERP', potential: 30, current: 30 },
      { segment: '本社', offering: 'ERP', potential: 10, current: 0 },
    ]);
    expect(g.segments).toEqual(['本社', '子会社']);
    expect(g.offerings).toEqual(['ERP', 'CRM']);
    expect(g.cells.get('本社')?.get('ERP')).toEqual({ potential: 110, current: 0, state: 'whitespace' });
    expect(g.cells.get('本社')?.get('CRM')?.state).toBe('partial');
    expect(g.cells.get('子会社')?.get('ERP')?.state).toBe('covered');
    expect([g.totalPotential, g.totalCurrent]).toEqual([190, 50]);
  });
});
