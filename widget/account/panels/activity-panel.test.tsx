/** @jest-environment jsdom */
import { ERROR_STATE, LANGS, LOADING_STATE, READY, mount, sampleView, text } from '../testing/fixtures';
import { act } from 'preact/test-utils';
import * as z from '../../../shared/testing/zoho-builders';
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

  it('shows the activities on neither side and the unclassified share; a choice classifies one', () => {
    const view = sampleView({
      Tasks: [
        z.task({ id: 't8', subject: 'お礼メール送付', closed: '2026-11-21T10:00:00+09:00' }), // admin
        z.task({ id: 't9', subject: '定例打合せ', closed: '2026-11-22T10:00:00+09:00' }), // unclassified
      ],
    });
    const onClassify = jest.fn().mockResolvedValue(undefined);
    const el = mount(<ActivityPanel state={READY(view)} onClassify={onClassify} />, lang);
    expect(text(el.querySelector('[data-testid=neither-count]'))).toBe('2');
    const mix = view.insight.activityMix;
    expect(text(el.querySelector('[data-testid=unclassified-share]'))).toBe(
      `${Math.round((mix.unclassifiedShare ?? 0) * 100)}%`,
    );
    const rows = el.querySelectorAll('[data-testid=unclassified] li');
    expect([...rows].map((r) => r.getAttribute('data-activity'))).toEqual(['t9']);
    const select = rows[0]?.querySelector('select') as HTMLSelectElement;
    act(() => {
      select.value = 'study_session';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onClassify).toHaveBeenCalledWith({ module: 'Tasks', id: 't9' }, 'study_session');
  });

  it('empty: no activities', () => {
    const view = sampleView({ Tasks: [], Events: [], Calls: [] });
    const el = mount(<ActivityPanel state={READY(view)} />, lang);
    expect(text(el.querySelector('.empty'))).toBe(
      lang === 'ja' ? 'この取引先には活動がありません' : 'This account has no activities',
    );
  });
});
