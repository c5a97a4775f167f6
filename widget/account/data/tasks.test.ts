import type { NextAction } from '../../../shared/engine/actions';
import { ACCOUNT } from '../../../shared/testing/zoho-builders';
import type { LocalDate } from '../../../shared/model/types';
import { fakeCrm } from '../testing/fake-crm';
import { sampleDataset, testConfig } from '../testing/fixtures';
import { createActionTask, kindForAction, taskForAction } from './tasks';

const config = testConfig();
const action = (ja: string, en: string): NextAction => ({
  code: 'X',
  label: { ja, en },
  planSection: 'action_plan',
});

describe('next actions as Zoho tasks', () => {
  it('names the kind when the action says it (config keywords), else none', () => {
    expect(kindForAction(action('提案書を作成する', 'Prepare a proposal'), config)).toBe('proposal');
    expect(kindForAction(action('プランを見直す', 'Review the plan'), config)).toBeNull();
  });

  it('creates the task linked to the account, due in a week, and finds it as the action’s open task', async () => {
    const raw = sampleDataset();
    const crm = fakeCrm(raw);
    const a = action('提案書を作成する', 'Prepare a proposal');
    expect(taskForAction(raw, config, ACCOUNT, a)).toBeNull();
    const after = await createActionTask(crm, config, raw, {
      accountId: ACCOUNT,
      action: a,
      lang: 'ja',
      today: '2026-11-26' as LocalDate,
    });
    expect(crm.writes).toEqual([
      {
        op: 'insert',
        entity: 'Tasks',
        data: {
          Subject: '提案書を作成する',
          What_Id: { id: ACCOUNT },
          $se_module: 'Accounts',
          Due_Date: '2026-12-03',
          Status: 'Not Started',
          Activity_Kind: 'proposal',
        },
      },
    ]);
    const task = taskForAction(after, config, ACCOUNT, a);
    expect(task).toMatchObject({ status: 'Not Started', dueDate: '2026-12-03', done: false });
    // created by a rep reading English, it is the same action's task for a rep reading Japanese
    const en = await createActionTask(crm, config, raw, {
      accountId: ACCOUNT,
      action: a,
      lang: 'en',
      today: '2026-11-26' as LocalDate,
    });
    expect(taskForAction(en, config, ACCOUNT, a)?.status).toBe('Not Started');
  });

  it('a completed task shows as done; an open one wins over it', () => {
    const a = action('提案書を作成する', 'Prepare a proposal');
    const row = (id: string, status: string) => ({
      id,
      Subject: '提案書を作成する',
      Status: status,
      What_Id: { id: ACCOUNT },
    });
    expect(taskForAction({ Tasks: [row('t1', 'Completed')] }, config, ACCOUNT, a)?.done).toBe(true);
    expect(
      taskForAction({ Tasks: [row('t1', 'Completed'), row('t2', 'In Progress')] }, config, ACCOUNT, a)?.id,
    ).toBe('t2');
  });
});
