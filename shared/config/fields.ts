/**
 * Zoho API names the product reads and writes (DESIGN §2). Every name has the DESIGN default and can be
 * overridden in the `fields:` section of the config, e.g. when an org's custom module is called
 * `CustomModule3` instead of `Account_Plans`.
 */
import { z } from 'zod';

const apiName = z.string().regex(/^\$?[A-Za-z][A-Za-z0-9_]*$/, 'must be a Zoho API name like Account_Name');

function section<const T extends Record<string, string>>(defaults: T) {
  const shape = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, apiName.default(v)])) as {
    [K in keyof T]: z.ZodDefault<typeof apiName>;
  };
  return z.strictObject(shape).prefault({} as z.input<z.ZodObject<typeof shape>>);
}

export const fieldsSchema = z
  .strictObject({
    modules: section({
      accounts: 'Accounts',
      contacts: 'Contacts',
      deals: 'Deals',
      tasks: 'Tasks',
      events: 'Events',
      calls: 'Calls',
      accountPlans: 'Account_Plans',
      stageHistory: 'Relationship_Stage_History',
      /** Plan updates moved out of the plan's Plan_Updates subform (at most 100 rows a record). */
      archivedPlanUpdates: 'Archived_Plan_Updates',
      /** Where the service publishes the active config for the widget (shared/config/published.ts). */
      settings: 'ESM_Settings',
      /** The service's daily account snapshots (shared/portfolio/trends.ts). */
      snapshots: 'ESM_Snapshots',
    }),
    account: section({
      name: 'Account_Name',
      owner: 'Owner',
      parent: 'Parent_Account',
      industry: 'Industry',
      /** The name's reading (furigana), for the manager's search. */
      reading: 'Account_Reading',
      annualRevenue: 'Annual_Revenue',
      modifiedTime: 'Modified_Time',
      customerSatisfaction: 'Customer_Satisfaction',
      isTargetAccount: 'Is_Target_Account',
      relationshipStage: 'Relationship_Stage',
      stageSince: 'Relationship_Stage_Since',
      stageProgress: 'Stage_Progress',
      nextStageGaps: 'Next_Stage_Gaps',
      insightUpdatedAt: 'Insight_Updated_At',
      /** Account health 0–100 and its parts explained (shared/portfolio/health.ts), written by the service. */
      healthScore: 'Account_Health',
      healthParts: 'Account_Health_Parts',
      /** Percent of the KPI window's activities nobody could classify (the insight's activityMix), by the service. */
      unclassifiedShare: 'Unclassified_Activity_Share',
      kpiPrefix: 'KPI_',
      kgiAnnualRevenue: 'KGI_Annual_Revenue',
      kgiShareOfWallet: 'KGI_Share_Of_Wallet',
      kgiFyOrders: 'KGI_FY_Orders',
      kgiExpansionRevenue: 'KGI_Expansion_Revenue',
    }),
    contact: section({
      account: 'Account_Name',
      fullName: 'Full_Name',
      department: 'Department',
      title: 'Title',
      reportingTo: 'Reporting_To',
      buyingRole: 'Buying_Role',
      attitude: 'Attitude',
      influence: 'Influence_Level',
      isExecutive: 'Is_Executive',
      /** Influence lines: the contacts this person sways (not reporting lines), ids one per line. */
      influences: 'Influences',
      modifiedTime: 'Modified_Time',
    }),
    deal: section({
      name: 'Deal_Name',
      account: 'Account_Name',
      contact: 'Contact_Name',
      stage: 'Stage',
      amount: 'Amount',
      closingDate: 'Closing_Date',
      type: 'Type',
      probability: 'Probability',
      createdTime: 'Created_Time',
      modifiedTime: 'Modified_Time',
      owner: 'Owner',
      buyingStage: 'Buying_Stage',
      strategicRole: 'Strategic_Role',
      priority: 'Deal_Priority',
      forecastRisk: 'Forecast_Risk',
      buyingEvidence: 'Buying_Evidence',
      quoteRequested: 'Quote_Requested',
      /** The deal's buying committee: contact ids one per line (the deal's Contact_Name is on it anyway). */
      buyingCommittee: 'Buying_Committee',
    }),
    activity: section({
      what: 'What_Id',
      who: 'Who_Id',
      kind: 'Activity_Kind',
      purpose: 'Activity_Purpose',
      modifiedTime: 'Modified_Time',
    }),
    task: section({
      subject: 'Subject',
      status: 'Status',
      dueDate: 'Due_Date',
      closedTime: 'Closed_Time',
      /** Set on the alert tasks the service creates (rule:account): those are not activities. */
      alertKey: 'Alert_Key',
    }),
    event: section({
      title: 'Event_Title',
      start: 'Start_DateTime',
      end: 'End_DateTime',
      participants: 'Participants',
    }),
    call: section({
      subject: 'Subject',
      callType: 'Call_Type',
      start: 'Call_Start_Time',
      purpose: 'Call_Purpose',
    }),
    plan: section({
      account: 'Account',
      overview: 'Company_Overview',
      strategy: 'Strategy_Hypothesis',
      issues: 'Issue_Hypothesis',
      group: 'Group_Structure',
      longTermActions: 'Long_Term_Actions',
      shortTermActions: 'Short_Term_Actions',
      deploymentPlan: 'Deployment_Plan',
      potentialMap: 'Potential_Map',
      segment: 'Segment',
      offering: 'Offering',
      potentialAmount: 'Potential_Amount',
      currentAmount: 'Current_Amount',
      updates: 'Plan_Updates',
      updatedOn: 'Updated_On',
      summary: 'Summary',
      modifiedTime: 'Modified_Time',
      /** The Archived_Plan_Updates lookup to the plan the row came from. */
      archivedPlan: 'Account_Plan',
    }),
    /** ESM_Snapshots; its KGI fields carry the account's KGI field names. */
    snapshot: section({
      account: 'Account',
      date: 'Snapshot_Date',
      month: 'Snapshot_Month',
      stage: 'Relationship_Stage',
      health: 'Account_Health',
      kpisMet: 'KPIs_Met',
      kpiTargets: 'KPI_Targets',
    }),
    stageHistory: section({
      account: 'Account',
      from: 'From_Stage',
      to: 'To_Stage',
      changedAt: 'Changed_At',
    }),
  })
  .prefault({});

export type FieldNames = z.infer<typeof fieldsSchema>;
export const DEFAULT_FIELDS: FieldNames = fieldsSchema.parse(undefined);
