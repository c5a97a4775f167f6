/** @jest-environment jsdom */
import { act } from 'preact/test-utils';
import {
  ERROR_STATE,
  LANGS,
  LOADING_STATE,
  READY,
  flush,
  mount,
  sampleView,
  text,
} from '../testing/fixtures';
import * as z from '../../../shared/testing/zoho-builders';
import { ActionTasksProvider } from '../ui/action-task';
import { PlanPanel } from './plan-panel';

const props = { onOpenTab: () => undefined, focus: null, onSave: () => Promise.resolve() };

function type(el: HTMLElement, selector: string, value: string) {
  const input = el.querySelector(selector) as HTMLTextAreaElement;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => sessionStorage.clear());

describe.each(LANGS)('PlanPanel (%s)', (lang) => {
  it('loading and error', () => {
    expect(
      mount(<PlanPanel {...props} state={LOADING_STATE} />, lang).querySelector('[role=status]'),
    ).not.toBeNull();
    expect(
      mount(<PlanPanel {...props} state={ERROR_STATE} />, lang).querySelector('[role=alert]'),
    ).not.toBeNull();
  });

  it('ready: six sections and the deployment plan, the stale warning, save disabled until something changes', () => {
    const el = mount(<PlanPanel {...props} state={READY()} />, lang);
    expect(el.querySelectorAll('fieldset.plan-section')).toHaveLength(7);
    expect(text(el.querySelector('[data-section=deployment] legend'))).toBe(
      lang === 'ja' ? '7. 導入・活用計画' : '7. Deployment and usage plan',
    );
    expect(el.querySelector('textarea[name=deploymentPlan]')).not.toBeNull();
    expect(el.querySelector('[data-testid=plan-stale]')).not.toBeNull();
    expect((el.querySelector('textarea[name=overview]') as HTMLTextAreaElement).value).toBe('製造業');
    expect((el.querySelector('button[type=submit]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the group companies the CRM knows, with their stage', () => {
    const view = sampleView({
      Accounts: [
        z.account({ parent: 'p1' }),
        z.account({ id: 'p1', name: '親ホールディングス', Relationship_Stage: '信頼定着' }),
        z.account({ id: 'k1', name: '子会社物流', parent: z.ACCOUNT }),
      ],
    });
    const el = mount(<PlanPanel {...props} state={READY(view)} />, lang);
    const items = [...el.querySelectorAll('[data-testid=group-companies] li')].map(text);
    expect(items).toEqual(
      lang === 'ja'
        ? ['親会社 親ホールディングス — 信頼定着', '子会社 子会社物流']
        : ['Parent 親ホールディングス — Trust established', 'Subsidiary 子会社物流'],
    );
  });

  it('says so when the CRM has no group companies', () => {
    const el = mount(<PlanPanel {...props} state={READY()} />, lang);
    expect(el.querySelector('[data-testid=group-companies]')).toBeNull();
    expect(text(el.querySelector('[data-section=group]'))).toContain(
      lang === 'ja' ? '登録されていません' : 'No parent or child companies',
    );
  });

  it('saves the deployment plan with a summary naming it', async () => {
    const onSave = jest.fn().mockResolvedValue(undefined);
    const el = mount(<PlanPanel {...props} onSave={onSave} state={READY()} />, lang);
    type(el, 'textarea[name=deploymentPlan]', '2027年4月に全工場へ展開');
    await act(async () => (el.querySelector('button[type=submit]') as HTMLButtonElement).click());
    await flush();
    const change = onSave.mock.calls[0][0];
    expect(change.texts.deploymentPlan).toBe('2027年4月に全工場へ展開');
    expect(change.summary).toContain(lang === 'ja' ? '導入・活用計画' : 'Deployment and usage plan');
  });

  it('saves changed sections with a summary naming them', async () => {
    const onSave = jest.fn().mockResolvedValue(undefined);
    const el = mount(<PlanPanel {...props} onSave={onSave} state={READY()} />, lang);
    type(el, 'textarea[name=strategy]', 'DX を中期経営計画の柱に据える');
    await act(async () => (el.querySelector('button[type=submit]') as HTMLButtonElement).click());
    await flush();
    expect(onSave).toHaveBeenCalledTimes(1);
    const change = onSave.mock.calls[0][0];
    expect(change.texts.strategy).toBe('DX を中期経営計画の柱に据える');
    expect(change.texts.overview).toBe('製造業');
    expect(change.summary).toBe(
      lang === 'ja' ? '更新: 顧客の戦略と課題の仮説' : 'Updated: Strategy and issue hypotheses',
    );
    expect(text(el.querySelector('.form-footer [role=status]'))).toBe(
      lang === 'ja' ? '保存しました' : 'Saved',
    );
  });

  it('shows a failed save without losing the text', async () => {
    const onSave = jest
      .fn()
      .mockRejectedValue({ code: 'WRITE_REJECTED', detail: 'updateRecord: INVALID_DATA' });
    const el = mount(<PlanPanel {...props} onSave={onSave} state={READY()} />, lang);
    type(el, 'textarea[name=group]', '親会社: ○○ホールディングス');
    await act(async () => (el.querySelector('button[type=submit]') as HTMLButtonElement).click());
    await flush();
    expect(el.querySelector('.form-footer [role=alert]')).not.toBeNull();
    expect((el.querySelector('textarea[name=group]') as HTMLTextAreaElement).value).toBe(
      '親会社: ○○ホールディングス',
    );
  });

  it('keeps typing across a tab switch (unmount, mount) and can discard it', () => {
    const first = mount(<PlanPanel {...props} state={READY()} />, lang);
    type(first, 'textarea[name=overview]', '未保存の編集テキスト');
    expect(first.querySelector('[data-testid=draft-restored]')).toBeNull();
    first.remove();
    const again = mount(<PlanPanel {...props} state={READY()} />, lang);
    const area = () => again.querySelector('textarea[name=overview]') as HTMLTextAreaElement;
    expect(area().value).toBe('未保存の編集テキスト');
    expect(text(again.querySelector('[data-testid=draft-restored] span'))).toBe(
      lang === 'ja' ? '保存していない編集内容を復元しました。' : 'Your unsaved edits were restored.',
    );
    expect((again.querySelector('button[type=submit]') as HTMLButtonElement).disabled).toBe(false);
    act(() => (again.querySelector('[data-testid=draft-restored] button') as HTMLButtonElement).click());
    expect(area().value).toBe('製造業');
    expect(sessionStorage.length).toBe(0);
  });

  it('empty: no plan yet says saving creates one', () => {
    const el = mount(<PlanPanel {...props} state={READY(sampleView({ Account_Plans: [] }))} />, lang);
    expect(text(el.querySelector('.notice'))).toBe(
      lang === 'ja'
        ? 'アカウントプランはまだありません。保存すると作成されます。'
        : 'No account plan yet. Saving creates one.',
    );
  });

  it('the action plan shows the objective (the next stage) with progress, and each action with its task status', () => {
    const view = sampleView();
    const [first, ...rest] = view.insight.nextActions;
    if (!first || rest.length === 0) throw new Error('the sample needs two next actions');
    const tasks = {
      taskFor: (a: { code: string }) =>
        a.code === first.code
          ? { id: 't9', status: 'In Progress', dueDate: '2026-12-03', done: false }
          : null,
      create: () => Promise.resolve(),
    };
    const el = mount(
      <ActionTasksProvider tasks={tasks}>
        <PlanPanel {...props} state={READY(view)} />
      </ActionTasksProvider>,
      lang,
    );
    const box = el.querySelector('[data-section=action_plan] [data-testid=plan-objectives]') as HTMLElement;
    expect(text(box)).toContain(lang === 'ja' ? '目標と進捗' : 'Objectives and progress');
    expect(box.querySelector('[role=meter]')?.getAttribute('aria-valuenow')).toBe(
      String(Math.round((view.insight.nextStage?.progress ?? 0) * 100)),
    );
    expect(box.querySelectorAll('[data-testid=missing] li')).toHaveLength(
      view.insight.nextStage?.missing.length ?? 0,
    );
    const withTask = box.querySelector(`[data-code=${first.code}] [data-testid=action-task]`);
    expect(withTask?.getAttribute('data-status')).toBe('In Progress');
    expect(text(withTask)).toContain('2026');
    expect(box.querySelectorAll('[data-testid=create-task]')).toHaveLength(rest.length);
  });
});
