/** @jest-environment jsdom */
import { ERROR_STATE, LANGS, LOADING_STATE, READY, mount, sampleReport, text } from '../testing/fixtures';
import { MovementPanel } from './movement-panel';

describe.each(LANGS)('MovementPanel (%s)', (lang) => {
  it('loading and error', () => {
    expect(
      mount(<MovementPanel state={LOADING_STATE} />, lang).querySelector('[role=status]'),
    ).not.toBeNull();
    expect(mount(<MovementPanel state={ERROR_STATE} />, lang).querySelector('[role=alert]')).not.toBeNull();
  });

  it('ready: counts, the chart, the changes, dwell times and stalled accounts with what they miss', () => {
    const el = mount(<MovementPanel state={READY()} />, lang);
    expect(text(el.querySelector('[data-stat=advances] dd'))).toBe('1');
    expect(text(el.querySelector('[data-stat=regressions] dd'))).toBe('0');
    expect(el.querySelector('[data-testid=movement-chart] rect.bar-up')).not.toBeNull();
    const moves = el.querySelectorAll('[data-testid=moves-table] tbody tr');
    expect(moves).toHaveLength(1);
    expect(text(moves[0] ?? null)).toContain(lang === 'ja' ? '課題共有' : 'Sharing issues');
    expect(el.querySelectorAll('[data-testid=dwell-table] tbody tr')).toHaveLength(8);
    const stalled = el.querySelectorAll('[data-testid=stalled-table] tbody tr');
    expect(stalled).toHaveLength(1);
    expect(text(stalled[0] ?? null)).toContain('北斗商事');
    expect(text(stalled[0] ?? null)).toContain('他部門への紹介（0 / 1）');
    expect(text(stalled[0] ?? null)).toContain('360 / 270');
  });

  it('empty: no changes and nothing stalled in the view', () => {
    const el = mount(
      <MovementPanel state={READY(sampleReport({ owners: ['u3'], period: 'quarter' }))} />,
      lang,
    );
    expect([...el.querySelectorAll('.empty')].map(text)).toEqual(
      lang === 'ja'
        ? ['期間中のステージ変化はありません', '停滞している取引先はありません']
        : ['No stage changes in the period', 'No stalled accounts'],
    );
  });
});
