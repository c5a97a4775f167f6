/** @jest-environment jsdom */
import { ERROR_STATE, LANGS, LOADING_STATE, READY, mount, sampleView, text } from '../testing/fixtures';
import { KpiPanel } from './kpi-panel';

describe.each(LANGS)('KpiPanel (%s)', (lang) => {
  it('loading', () => {
    const el = mount(<KpiPanel state={LOADING_STATE} />, lang);
    expect(el.querySelector('[data-state=loading] [role=status]')).not.toBeNull();
  });

  it('error', () => {
    const el = mount(<KpiPanel state={ERROR_STATE} />, lang);
    expect(el.querySelector('[role=alert]')).not.toBeNull();
    expect(text(el)).toContain('CRM_ERROR');
  });

  it('ready: one row per KPI target of the stage with the engine actual and target, then the KGIs', () => {
    const view = sampleView();
    const el = mount(<KpiPanel state={READY(view)} />, lang);
    const rows = el.querySelectorAll('[data-kpi]');
    expect(rows).toHaveLength(Object.keys(view.insight.targets).length);
    const contacts = el.querySelector('[data-kpi=contacts_reached]');
    expect(text(contacts?.querySelector('[data-testid=kpi-actual]') ?? null)).toBe(
      String(view.insight.targets.contacts_reached?.actual),
    );
    expect(text(contacts)).toContain(lang === 'ja' ? '接触した人数' : 'Contacts reached');
    expect(el.querySelectorAll('[data-kgi]')).toHaveLength(4);
    expect(text(el.querySelector('[data-kgi=annual_revenue]'))).toContain(
      lang === 'ja' ? '年間取引額' : 'Annual transaction value',
    );
  });

  it('a KGI with a target in the config shows it, met or not; the value stays alone in its cell', () => {
    const view = sampleView(); // potential map: 2,000,000 of 15,000,000 → 13 %; shipped target 30 %
    const el = mount(<KpiPanel state={READY(view)} />, lang);
    const sow = el.querySelector('[data-kgi=share_of_wallet]');
    expect(text(sow?.querySelector('dd') ?? null)).toBe('13%');
    expect(text(sow?.querySelector('[data-testid=kgi-target]') ?? null)).toBe(
      lang === 'ja' ? '目標 30% 未達' : 'target 30% Not met',
    );
    expect(el.querySelector('[data-kgi=annual_revenue] [data-testid=kgi-target]')).toBeNull();
  });

  it('empty: a stage without targets says so', () => {
    const view = sampleView();
    const el = mount(
      <KpiPanel state={READY({ ...view, insight: { ...view.insight, targets: {} } })} />,
      lang,
    );
    expect(el.querySelector('[data-testid=kpi-table]')).toBeNull();
    expect(text(el.querySelector('.empty'))).toBe(
      lang === 'ja'
        ? 'このステージには KPI 目標が設定されていません'
        : 'No KPI targets are set for this stage',
    );
  });
});
