/**
 * What the scale generator writes with: the names of modules and fields, the words records are made
 * of, the deal stages, the kinds of activity and their subjects, the buyer-map values. The generator
 * decides shapes and ratios; a plug-in supplies the vocabulary (ours: server/local/plugins/
 * scale-vocabulary.ts, from the config and the engine's keyword rules). Lists are in the order the
 * random choices draw from: the same vocabulary and seed give the same data.
 */

/** `[value, weight]` pairs for a weighted choice. */
export type Weighted<T = string> = readonly (readonly [T, number])[];

export interface ScaleWords {
  companyCores: readonly string[];
  /** `[trade suffix, Zoho Industry]`. */
  companyTrades: readonly (readonly [string, string])[];
  subsidiarySuffixes: readonly string[];
  legalForms: readonly string[];
  /** `[prefecture, city]`. */
  cities: readonly (readonly [string, string])[];
  familyNames: readonly string[];
  givenNames: readonly string[];
  /** Latin-letter names for e-mail addresses. */
  romaji: readonly string[];
  departments: readonly string[];
  /** Departments of the top ranks. */
  topDepartments: readonly string[];
  /** `[title, rank (1 = top), weight among contacts]`. */
  titles: readonly (readonly [string, number, number])[];
  /** Ranks up to this one are executives. */
  executiveRankMax: number;
  topics: readonly string[];
  offerings: readonly string[];
  venues: readonly string[];
  callPurposes: readonly string[];
  callResults: readonly string[];
}

export interface ScaleVocabulary {
  /** The org's offset, e.g. `+09:00`: generated dates and datetimes are in it. */
  utcOffset: string;
  modules: {
    accounts: string;
    contacts: string;
    deals: string;
    tasks: string;
    events: string;
    calls: string;
    accountPlans: string;
  };
  fields: {
    account: { isTargetAccount: string; customerSatisfaction: string };
    contact: { buyingRole: string; attitude: string; influence: string; isExecutive: string };
    activity: { kind: string; purpose: string };
    plan: {
      account: string;
      potentialMap: string;
      segment: string;
      offering: string;
      potentialAmount: string;
      currentAmount: string;
      updates: string;
      updatedOn: string;
      summary: string;
      overview: string;
      strategy: string;
      issues: string;
      group: string;
      longTermActions: string;
      shortTermActions: string;
    };
  };
  words: ScaleWords;
  /** Deals.Stage values with their weight among generated deals and their probability (%). */
  dealStages: readonly { name: string; weight: number; probability: number }[];
  activities: {
    /** Kinds of outbound activity by weight. */
    kinds: Weighted;
    /** Kinds of an inbound call by weight. */
    inbound: Weighted;
    /** Kinds that are mostly about a deal (linked to one more often). */
    dealKinds: ReadonlySet<string>;
    /** A kind nobody does by phone → the kind such a call is instead. */
    byCall: Readonly<Record<string, string>>;
    /** Values of the activity-purpose field. */
    purposes: readonly string[];
    /** Subjects per kind (each one the product's rules classify as that kind); `fallback` otherwise. */
    subjects: ReadonlyMap<string, readonly string[]>;
    fallbackSubject: string;
  };
  buyers: {
    /** Buying roles by the contact's rank: ranks 1–2, 3–4, the rest. */
    rolesByRank: readonly [Weighted, Weighted, Weighted];
    attitudes: Weighted;
  };
}
