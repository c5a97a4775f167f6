/**
 * The custom fields and modules our product creates in the org (DESIGN §2), named by the config's
 * `fields:` section and with the picklist values of `crmPicklists(config)`. The emulator starts with
 * them unless `--bare` (a fresh org, where `npm run setup:crm` creates them through the API).
 */
import { crmPicklists } from '../../shared/config/picklists';
import { PUBLISHED_FIELDS, PUBLISHED_MAX_CHARS } from '../../shared/config/published';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { KPI_KEYS, RATIO_KPIS, kpiFieldName } from '../../shared/model/keys';
import {
  boolean,
  currency,
  date,
  datetime,
  field,
  integer,
  lookup,
  percent,
  picklist,
  systemFields,
  text,
  textarea,
  type FieldSpec,
  type ModuleSpec,
} from './builders';

export interface ProductCustomizations {
  /** Custom fields added to standard modules, by module API name. */
  fields: Record<string, FieldSpec[]>;
  /** Custom modules (and the subform modules they hold). */
  modules: ModuleSpec[];
}

const custom = (spec: FieldSpec): FieldSpec => ({ ...spec, custom: true });

/** Every custom module has a mandatory `Name` display field and the system fields. */
function customModuleFields(extra: FieldSpec[]): FieldSpec[] {
  return [
    ...systemFields(),
    text('Name', 'Name', { length: 120, mandatory: true }),
    field('Email', 'Email', 'email'),
    ...extra.map(custom),
  ];
}

export function productCustomizations(config: SalesProcessConfig): ProductCustomizations {
  const f = config.fields;
  const lists = crmPicklists(config);
  const m = f.modules;
  const a = f.account;

  const kpiFields = KPI_KEYS.map((key) => {
    const apiName = kpiFieldName(key, a.kpiPrefix);
    const label = apiName.replace(/_/g, ' ');
    return RATIO_KPIS.has(key) ? percent(apiName, label) : integer(apiName, label);
  });

  const activityExtras = [
    picklist(f.activity.kind, 'Activity Kind', lists.activityKind),
    picklist(f.activity.purpose, 'Activity Purpose', lists.activityPurpose),
  ].map(custom);

  const fields: Record<string, FieldSpec[]> = {
    [m.accounts]: [
      integer(a.customerSatisfaction, 'Customer Satisfaction', { length: 1 }),
      boolean(a.isTargetAccount, 'Is Target Account'),
      text(a.reading, 'Account Name Reading', { length: 255 }),
      picklist(a.relationshipStage, 'Relationship Stage', lists.relationshipStage),
      date(a.stageSince, 'Relationship Stage Since'),
      percent(a.stageProgress, 'Stage Progress'),
      textarea(a.nextStageGaps, 'Next Stage Gaps', { length: 2000 }),
      ...kpiFields,
      percent(a.unclassifiedShare, 'Unclassified Activity Share'),
      currency(a.kgiAnnualRevenue, 'KGI Annual Revenue'),
      percent(a.kgiShareOfWallet, 'KGI Share Of Wallet'),
      currency(a.kgiFyOrders, 'KGI FY Orders'),
      currency(a.kgiExpansionRevenue, 'KGI Expansion Revenue'),
      datetime(a.insightUpdatedAt, 'Insight Updated At'),
      integer(a.healthScore, 'Account Health', { length: 3 }),
      textarea(a.healthParts, 'Account Health Parts', { length: 2000 }),
    ].map(custom),
    [m.contacts]: [
      picklist(f.contact.buyingRole, 'Buying Role', lists.buyingRole),
      picklist(f.contact.attitude, 'Attitude', lists.attitude),
      integer(f.contact.influence, 'Influence Level', { length: 1 }),
      boolean(f.contact.isExecutive, 'Is Executive'),
      textarea(f.contact.influences, 'Influences', { length: 2000 }),
    ].map(custom),
    [m.deals]: [
      picklist(f.deal.buyingStage, 'Buying Stage', lists.buyingStage),
      picklist(f.deal.strategicRole, 'Strategic Role', lists.strategicRole),
      integer(f.deal.priority, 'Deal Priority', { length: 1 }),
      textarea(f.deal.forecastRisk, 'Forecast Risk', { length: 2000 }),
      textarea(f.deal.buyingEvidence, 'Buying Evidence', { length: 2000 }),
      boolean(f.deal.quoteRequested, 'Quote Requested'),
      textarea(f.deal.buyingCommittee, 'Buying Committee', { length: 2000 }),
    ].map(custom),
    [m.tasks]: [...activityExtras, custom(text(f.task.alertKey, 'Alert Key', { length: 120 }))],
    [m.events]: activityExtras,
    [m.calls]: activityExtras,
  };

  const p = f.plan;
  const plans: ModuleSpec = {
    apiName: m.accountPlans,
    singular: 'Account Plan',
    plural: 'Account Plans',
    generatedType: 'custom',
    displayField: 'Name',
    fields: customModuleFields([
      lookup(p.account, 'Account', m.accounts),
      textarea(p.overview, 'Company Overview'),
      textarea(p.strategy, 'Strategy Hypothesis'),
      textarea(p.issues, 'Issue Hypothesis'),
      textarea(p.group, 'Group Structure'),
      textarea(p.longTermActions, 'Long Term Actions'),
      textarea(p.shortTermActions, 'Short Term Actions'),
      textarea(p.deploymentPlan, 'Deployment Plan'),
      field(p.potentialMap, 'Potential Map', 'subform', { subform: p.potentialMap }),
      field(p.updates, 'Plan Updates', 'subform', { subform: p.updates }),
    ]),
  };
  const subform = (apiName: string, label: string, columns: FieldSpec[]): ModuleSpec => ({
    apiName,
    singular: label,
    plural: label,
    generatedType: 'subform',
    displayField: '',
    parentModule: m.accountPlans,
    fields: columns.map(custom),
  });
  // Module labels: at most 25 characters, letters, numbers and spaces (v6 Create Custom Module); the
  // API name (up to 50 characters) stays Relationship_Stage_History.
  const history: ModuleSpec = {
    apiName: m.stageHistory,
    singular: 'Stage History Entry',
    plural: 'Stage History',
    generatedType: 'custom',
    displayField: 'Name',
    fields: customModuleFields([
      lookup(f.stageHistory.account, 'Account', m.accounts),
      text(f.stageHistory.from, 'From Stage'),
      text(f.stageHistory.to, 'To Stage'),
      datetime(f.stageHistory.changedAt, 'Changed At'),
    ]),
  };

  // The active config, published by the service for the widget (shared/config/published.ts).
  const settings: ModuleSpec = {
    apiName: m.settings,
    singular: 'ESM Setting',
    plural: 'ESM Settings',
    generatedType: 'custom',
    displayField: 'Name',
    fields: customModuleFields([
      textarea(PUBLISHED_FIELDS.json, 'Config Json', { length: PUBLISHED_MAX_CHARS }),
      text(PUBLISHED_FIELDS.hash, 'Config Hash', { length: 20 }),
    ]),
  };

  // The service's daily account snapshots, the manager's trends (shared/portfolio/trends.ts): a CRM
  // module, so Zoho's own reports can chart stage, KPI attainment, KGIs and health over time.
  const sn = f.snapshot;
  const snapshots: ModuleSpec = {
    apiName: m.snapshots,
    singular: 'ESM Snapshot',
    plural: 'ESM Snapshots',
    generatedType: 'custom',
    displayField: 'Name',
    fields: customModuleFields([
      lookup(sn.account, 'Account', m.accounts),
      date(sn.date, 'Snapshot Date'),
      text(sn.month, 'Snapshot Month', { length: 7 }),
      text(sn.stage, 'Relationship Stage', { length: 120 }),
      integer(sn.health, 'Account Health', { length: 3 }),
      integer(sn.kpisMet, 'KPIs Met', { length: 3 }),
      integer(sn.kpiTargets, 'KPI Targets', { length: 3 }),
      currency(a.kgiAnnualRevenue, 'KGI Annual Revenue'),
      percent(a.kgiShareOfWallet, 'KGI Share Of Wallet'),
      currency(a.kgiFyOrders, 'KGI FY Orders'),
      currency(a.kgiExpansionRevenue, 'KGI Expansion Revenue'),
    ]),
  };

  return {
    fields,
    modules: [
      plans,
      subform(p.potentialMap, 'Potential Map', [
        text(p.segment, 'Segment'),
        text(p.offering, 'Offering'),
        currency(p.potentialAmount, 'Potential Amount'),
        currency(p.currentAmount, 'Current Amount'),
      ]),
      subform(p.updates, 'Plan Updates', [
        date(p.updatedOn, 'Updated On'),
        textarea(p.summary, 'Summary', { length: 2000 }),
      ]),
      history,
      // Plan updates older than the newest PLAN_UPDATES_KEPT rows of a plan (a subform holds at most 100
      // rows a record): moved here by the widget's plan save (widget/account/data/writes.ts).
      {
        apiName: m.archivedPlanUpdates,
        singular: 'Archived Plan Update',
        plural: 'Archived Plan Updates',
        generatedType: 'custom',
        displayField: 'Name',
        fields: customModuleFields([
          lookup(p.archivedPlan, 'Account Plan', m.accountPlans),
          date(p.updatedOn, 'Updated On'),
          textarea(p.summary, 'Summary', { length: 2000 }),
        ]),
      },
      settings,
      snapshots,
    ],
  };
}
