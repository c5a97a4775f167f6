/** @jest-environment jsdom */
import { ERROR_STATE, LANGS, LOADING_STATE, READY, mount, sampleView, text } from '../testing/fixtures';
import { ActivityPanel } from './activity-panel';

describe.each(LANGS)('ActivityPanel (%s)', (lang) => {
  it('loading and error', () => {
    expect(
      mount(<ActivityPanel state={LOADING_STATE} />, lang).querySelector('[role=status]'),
    ).not.toBeNull();
    expect(mount(<ActivityPanel state={ERROR_STATE} />, lang).querySelector('[role=alert]')).not.toBeNull();
  });

  it('ready: the deal vs relationship mix against the recommended share, kinds and recent activities', () => {
    const view = sampleView();
    const el = mount(<ActivityPanel state={READY(view)} />, lang);
    const mix = view.insight.activityMix;
    expect(text(el.querySelector('[data-testid=relationship-share]'))).toBe(
      `${Math.round((mix.relationshipShare ?? 0) * 100)}%`,
    );
    expect(text(el.querySelector('[data-testid=activity-mix]'))).toContain(
      lang === 'ja' ? '推奨 80%' : 'recommended 80%',
    );
    expect(el.querySelectorAll('[data-testid=kind-counts] li')).toHaveLength(view.kindCounts.length);
    expect(el.querySelectorAll('[data-testid=recent] li')).toHaveLength(4);
    expect(text(el.querySelector('[data-testid=recent] li'))).toContain('相談'); // newest first
  });

  it('empty: no activities', () => {
    const view = sampleView({ Tasks: [], Events: [], Calls: [] });
    const el = mount(<ActivityPanel state={READY(view)} />, lang);
    expect(text(el.querySelector('.empty'))).toBe(
      lang === 'ja' ? 'この取引先には活動がありません' : 'This account has no activities',
    );
  });
});
