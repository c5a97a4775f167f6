/**
 * Next actions: the configured actions of the account's stage (each tied to an account-plan
 * section), plus actions the data calls for — no plan yet, a stale plan, no decision maker.
 */
import type { Bilingual, StageConfig } from '../config/schema';
import type { PlanSection } from '../model/keys';
import { dateInWindow } from '../model/time';
import { AUTO_ACTION_LABELS } from '../i18n/labels';
import type { AccountContext } from './context';
import type { StageEvaluation } from './stage';

export interface NextAction {
  code: string;
  label: Bilingual;
  planSection: PlanSection;
}

export function nextActionsFor(
  ctx: AccountContext,
  stage: StageConfig | null,
  evaluation: StageEvaluation,
): NextAction[] {
  const config = ctx.cc.config;
  const actions: NextAction[] = [];
  const plan = ctx.bundle.plan;
  if (!plan)
    actions.push({ code: 'CREATE_PLAN', label: AUTO_ACTION_LABELS.CREATE_PLAN, planSection: 'overview' });
  else if (!plan.updates.some((u) => dateInWindow(u.date, ctx.asOfDate, config.windows.planStaleDays))) {
    actions.push({ code: 'UPDATE_PLAN', label: AUTO_ACTION_LABELS.UPDATE_PLAN, planSection: 'action_plan' });
  }
  const needsDecisionMaker = evaluation.next?.missing.some((m) =>
    m.criterion.startsWith('decision_maker_identified'),
  );
  if (needsDecisionMaker) {
    actions.push({
      code: 'IDENTIFY_DECISION_MAKER',
      label: AUTO_ACTION_LABELS.IDENTIFY_DECISION_MAKER,
      planSection: 'buyer_map',
    });
  }
  const configured = (stage ?? config.notStarted).nextActions;
  for (const a of configured) if (!actions.some((x) => x.code === a.code)) actions.push(a);
  return actions;
}
