/**
 * Next actions: the configured actions of the account's stage (each tied to an account-plan
 * section), plus actions the data calls for — no plan yet, a stale plan, no decision maker, and
 * evidence of a reached stage that went stale (refresh it: the stage is kept, but at risk).
 */
import type { Bilingual, StageConfig } from '../config/schema';
import type { PlanSection } from '../model/keys';
import { dateInWindow } from '../model/time';
import { AUTO_ACTION_LABELS } from '../i18n/labels';
import type { AccountContext } from './context';
import type { RegressionCode, StageEvaluation } from './stage';

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
  if (evaluation.atRisk.length > 0) {
    actions.push({
      code: 'REFRESH_EVIDENCE',
      label: refreshLabel(ctx, evaluation),
      planSection: 'action_plan',
    });
  }
  const configured = (stage ?? config.notStarted).nextActions;
  for (const a of configured) if (!actions.some((x) => x.code === a.code)) actions.push(a);
  return actions;
}

/** 「課題共有」の根拠が古くなっています… / "Evidence for Sharing issues has gone stale…". */
function refreshLabel(ctx: AccountContext, evaluation: StageEvaluation): Bilingual {
  const stages = ctx.cc.config.stages;
  const label = (key: string) => stages.find((s) => s.key === key)?.label ?? { ja: key, en: key };
  const names = (lang: 'ja' | 'en') =>
    evaluation.atRisk.map((r) => (lang === 'ja' ? `「${label(r.stage).ja}」` : label(r.stage).en));
  const criteria = (lang: 'ja' | 'en') =>
    [...new Set(evaluation.atRisk.flatMap((r) => r.stale.map((c) => c.label[lang])))].join(
      lang === 'ja' ? '、' : '; ',
    );
  return {
    ja: `${names('ja').join('')}の根拠が古くなっています（ステージは維持）。改めて確認する：${criteria('ja')}`,
    en: `Evidence for ${names('en').join(', ')} has gone stale (the stage is kept). Refresh it: ${criteria('en')}`,
  };
}

/** Why a reached stage was dropped, in both languages. */
export function regressionMessage(ctx: AccountContext, code: RegressionCode, from: number): Bilingual {
  const config = ctx.cc.config;
  const stage = config.stages[from]?.label ?? config.notStarted.label;
  if (code === 'NO_ACTIVITY') {
    const days = config.stageRegression.noActivityDays ?? 0;
    return {
      ja: `${days}日間まったく活動がないため、到達していた「${stage.ja}」から後退しました（stageRegression.noActivityDays）`,
      en: `No activity at all for ${days} days: the account fell back from ${stage.en}, the stage it had reached (stageRegression.noActivityDays)`,
    };
  }
  return {
    ja: `バイヤー相関図にキーパーソンがいなくなったため、到達していた「${stage.ja}」から後退しました（stageRegression.lostKeyPerson）`,
    en: `No key person is left in the buyer map: the account fell back from ${stage.en}, the stage it had reached (stageRegression.lostKeyPerson)`,
  };
}
