/** @jest-environment jsdom */
import { ERROR_STATE, LANGS, LOADING_STATE, READY, mount, sampleView, text } from '../testing/fixtures';
import { StagePanel } from './stage-panel';

const noop = () => undefined;

describe.each(LANGS)('StagePanel (%s)', (lang) => {
  it('shows a loading status while the CRM answers', () => {
    const el = mount(<StagePanel state={LOADING_STATE} onOpenSection={noop} />, lang);
    expect(el.querySelector('[role=status]')).not.toBeNull();
    expect(text(el)).toContain(lang === 'ja' ? '読み込み中' : 'Loading');
  });

  it('shows the error with a retry button', () => {
    const retry = jest.fn();
    const el = mount(<StagePanel state={ERROR_STATE} onRetry={retry} onOpenSection={noop} />, lang);
    expect(text(el.querySelector('[role=alert]'))).toContain(lang === 'ja' ? 'エラー' : 'error');
    (el.querySelector('.panel-error button') as HTMLButtonElement).click();
    expect(retry).toHaveBeenCalled();
  });

  it('shows the seven steps, the current one, progress, missing criteria and next actions', () => {
    const view = sampleView();
    const el = mount(<StagePanel state={READY(view)} onOpenSection={noop} />, lang);
    const steps = el.querySelectorAll('.ladder-step');
    expect(steps).toHaveLength(7);
    const current = el.querySelector('[aria-current=step]');
    expect(view.insight.stage?.key).toBe('contact');
    expect(text(current)).toContain(lang === 'ja' ? '接点構築' : 'Building contact');
    expect(text(el.querySelector('[data-testid=stage-progress]'))).toMatch(/%$/);
    expect(el.querySelectorAll('[data-testid=missing] li').length).toBe(
      view.insight.nextStage?.missing.length,
    );
    expect(el.querySelectorAll('[data-testid=next-actions] li').length).toBe(view.insight.nextActions.length);
  });

  it('has no evidence yet for an account that has not started (empty)', () => {
    const view = sampleView({ Contacts: [], Deals: [], Tasks: [], Events: [], Calls: [], Account_Plans: [] });
    const el = mount(<StagePanel state={READY(view)} onOpenSection={noop} />, lang);
    expect(el.querySelector('[aria-current=step]')).toBeNull();
    expect(text(el.querySelector('[data-testid=stage-label]'))).toBe(
      lang === 'ja' ? '未着手' : 'Not started',
    );
    expect(text(el)).toContain(lang === 'ja' ? 'まだ根拠となる実績がありません' : 'No evidence yet');
  });

  it('opens the plan section of a next action', () => {
    const open = jest.fn();
    const el = mount(<StagePanel state={READY()} onOpenSection={open} />, lang);
    (el.querySelector('[data-testid=next-actions] button') as HTMLButtonElement).click();
    expect(open).toHaveBeenCalledWith(sampleView().insight.nextActions[0]?.planSection);
  });

  it("shows every stage's meaning on the ladder", () => {
    const el = mount(<StagePanel state={READY(sampleView())} onOpenSection={noop} />, lang);
    const descs = [...el.querySelectorAll('.ladder-desc')].map((d) => text(d));
    expect(descs).toHaveLength(7);
    expect(descs[1]).toContain(lang === 'ja' ? '優先課題に合意する' : 'agree on the priority problems');
  });

  it('marks a kept stage whose evidence went stale as at risk, with the stale criteria', () => {
    const view = sampleView();
    const stale = {
      criterion: 'key_person_meetings≥2/365d',
      actual: 0,
      required: 2,
      label: { ja: 'キーパーソンとの面談 2以上', en: 'Key-person meetings ≥ 2' },
    };
    view.insight.stageStatus = {
      reachedFrom: 'history',
      regression: null,
      atRisk: [{ stage: 'contact', label: { ja: '接点構築', en: 'Building contact' }, stale: [stale] }],
    };
    const el = mount(<StagePanel state={READY(view)} onOpenSection={noop} />, lang);
    expect(el.querySelector('[data-stage=contact] [data-testid=at-risk-mark]')).not.toBeNull();
    expect(text(el.querySelector('[data-testid=stage-at-risk]'))).toContain(
      lang === 'ja' ? 'キーパーソンとの面談 2以上' : 'Key-person meetings ≥ 2',
    );
  });
});
