import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  formatConfigProblem,
  MAX_CONFIG_ALIASES,
  MAX_CONFIG_BYTES,
  parseSalesProcessConfig,
  type ConfigProblem,
} from './load';

const GOOD = readFileSync(path.join(__dirname, '../../config/sales-process.yaml'), 'utf8');

/** Replace the first `find` (after `after`, when given) and return the text and the 1-based line of the change. */
function mutate(find: string, replace: string, after?: string): { text: string; line: number } {
  const from = after ? GOOD.indexOf(after) : 0;
  const at = GOOD.indexOf(find, from);
  if (from < 0 || at < 0) throw new Error(`test fixture out of date: "${find}" not in the config`);
  return {
    text: GOOD.slice(0, at) + replace + GOOD.slice(at + find.length),
    line: GOOD.slice(0, at).split('\n').length,
  };
}

function problemsOf(text: string): ConfigProblem[] {
  const r = parseSalesProcessConfig(text, 'sales-process.yaml');
  if (r.ok) throw new Error('expected the config to be rejected');
  return r.problems;
}

describe('the shipped config', () => {
  it('is valid and has the seven stages in order', () => {
    const r = parseSalesProcessConfig(GOOD, 'sales-process.yaml');
    expect(r.ok ? r.config.stages.map((s) => s.label.ja) : r.problems).toEqual([
      '接点構築',
      '課題共有',
      '共創提案',
      '経営巻き込み',
      '信頼定着',
      '社内展開',
      '社外展開',
    ]);
  });

  it('maps every default Zoho deal stage exactly once', () => {
    const r = parseSalesProcessConfig(GOOD, 'x');
    if (!r.ok) throw new Error('invalid');
    const mapped = [
      ...r.config.buyingStages.flatMap((b) => b.zohoStages),
      ...r.config.dealOutcomes.lost,
    ].sort();
    expect(mapped).toEqual(
      [
        'Qualification',
        'Needs Analysis',
        'Value Proposition',
        'Identify Decision Makers',
        'Perception Analysis',
        'Proposal/Price Quote',
        'Negotiation/Review',
        'Closed Won',
        'Closed Lost',
        'Closed-Lost to Competition',
      ].sort(),
    );
  });
});

describe('a bad config is rejected with a message that points at the line', () => {
  // [what is wrong, find, replace, anchor to search after, expected path, expected message fragment]
  const cases: [string, string, string, string | undefined, string, RegExp][] = [
    [
      'a wrong type',
      'fiscalYearStartMonth: 4',
      'fiscalYearStartMonth: April',
      undefined,
      'fiscalYearStartMonth',
      /expected a number; got string "April"/,
    ],
    [
      'a month out of range',
      'fiscalYearStartMonth: 4',
      'fiscalYearStartMonth: 13',
      undefined,
      'fiscalYearStartMonth',
      /<=12|at most|too big/i,
    ],
    [
      'an unknown KPI in a criterion',
      'metric: contacts_reached',
      'metric: contacts_reachd',
      undefined,
      'stages[0].criteria[0].metric',
      /expected "contacts_reached" \| .*got string "contacts_reachd"/,
    ],
    [
      'a duplicate stage key',
      'key: shared_issues',
      'key: contact',
      undefined,
      'stages[1].key',
      /duplicate stage key "contact"/,
    ],
    [
      'a Zoho deal stage mapped twice',
      'zohoStages: [Needs Analysis]',
      'zohoStages: [Needs Analysis, Qualification]',
      undefined,
      'buyingStages[1].zohoStages[1]',
      /"Qualification" is already mapped by buyingStages\[0\]/,
    ],
    [
      'buying stages out of order',
      'key: comparison',
      'key: information_gathering',
      undefined,
      'buyingStages[2].key',
      /expected "comparison" here: buying stages follow the customer's process/,
    ],
    [
      'a stage regression window that is not a number of days',
      'noActivityDays: 365',
      'noActivityDays: a year',
      'stageRegression:',
      'stageRegression.noActivityDays',
      /expected a number|expected.*null/,
    ],
    [
      'lostKeyPerson that is not true or false',
      'lostKeyPerson: false',
      'lostKeyPerson: sometimes',
      'stageRegression:',
      'stageRegression.lostKeyPerson',
      /expected a boolean|expected boolean/,
    ],
    [
      "a stage's meaning without its English text",
      'en: Dig into field and management problems together and agree on the priority problems',
      'en: ""',
      'key: shared_issues',
      'stages[1].description.en',
      /must not be empty/,
    ],
    [
      'a missing English label',
      'label: { ja: 課題共有, en: Sharing issues }',
      'label: { ja: 課題共有 }',
      undefined,
      'stages[1].label.en',
      /missing; expected a string/,
    ],
    [
      'an unknown key (typo)',
      '    criteria:\n      - metric: contacts_reached',
      '    criterea:\n      - metric: contacts_reached',
      undefined,
      'stages[0].criterea',
      /unknown key "criterea"/,
    ],
    [
      'a share written as a percentage',
      'recommendedRelationshipShare: 0.7',
      'recommendedRelationshipShare: 70',
      undefined,
      'stages[1].recommendedRelationshipShare',
      /share between 0 and 1/,
    ],
    [
      'a ratio gating a stage',
      'metric: contacts_reached',
      'metric: share_of_wallet',
      undefined,
      'stages[0].criteria[0].metric',
      /cannot gate a stage/,
    ],
    [
      'a window on a metric without one',
      '      - metric: csat\n        min: 4',
      '      - metric: csat\n        windowDays: 30\n        min: 4',
      undefined,
      'stages[4].criteria[2].windowDays',
      /windowDays does not apply to csat/,
    ],
    [
      'an unknown deal role',
      'dealRole: value_reconfirmation',
      'dealRole: closer',
      undefined,
      'stages[4].dealRole',
      /unknown deal role "closer"/,
    ],
    [
      'an invalid title pattern',
      '"\\\\bC[EFOTIDMS]O\\\\b"',
      '"C[EFO"',
      undefined,
      'executiveTitles.include[9]',
      /not a valid regular expression/,
    ],
    [
      'probabilities falling along the process',
      'probability: 0.7',
      'probability: 0.3',
      undefined,
      'buyingStages[4].probability',
      /lower than the previous stage's 0.5/,
    ],
    [
      'a won stage outside the contract stage',
      'won: [Closed Won]',
      'won: [Closed Won, Closed Lost]',
      undefined,
      'dealOutcomes.won[1]',
      /must also be listed under the contract/,
    ],
    [
      'a missing activity kind',
      '  - key: social',
      '  - key: seminar',
      undefined,
      'activityKinds[17].key',
      /listed twice/,
    ],
    [
      'a share-of-wallet target given in percent',
      'kgiTargets:\n  share_of_wallet: 0.3',
      'kgiTargets:\n  share_of_wallet: 30',
      undefined,
      'kgiTargets.share_of_wallet',
      /share between 0 and 1/,
    ],
    [
      'a target for a KGI the config does not keep',
      'kgis: [annual_revenue, share_of_wallet, fy_orders, expansion_revenue]',
      'kgis: [annual_revenue, fy_orders]',
      undefined,
      'kgiTargets.share_of_wallet',
      /not listed under kgis/,
    ],
    [
      'computeNonTargets that is not true or false',
      'computeNonTargets: true',
      'computeNonTargets: sometimes',
      'targets:',
      'targets.computeNonTargets',
      /boolean/,
    ],
    [
      'an unclassified kind given a side of the mix',
      '  - key: other\n    label: { ja: その他, en: Other }\n    purpose: null',
      '  - key: other\n    label: { ja: その他, en: Other }\n    purpose: relationship',
      undefined,
      'activityKinds[20].purpose',
      /must have purpose: null: it counts on neither side/,
    ],
    [
      'an offset that is not one',
      'utcOffset: "+09:00"',
      'utcOffset: JST',
      undefined,
      'utcOffset',
      /offset like \+09:00/,
    ],
    [
      'kinds on a metric that has none',
      '      - metric: contacts_reached\n        min: 2',
      '      - metric: contacts_reached\n        kinds: [demo]\n        min: 2',
      undefined,
      'stages[0].criteria[0].kinds',
      /kinds only applies to metric: activities/,
    ],
    [
      'a criterion without min',
      '      - metric: contacts_reached\n        min: 2',
      '      - metric: contacts_reached',
      undefined,
      'stages[0].criteria[0].min',
      /missing `min`/,
    ],
  ];

  it.each(cases)('%s', (_what, find, replace, after, expectedPath, message) => {
    const { text, line } = mutate(find, replace, after);
    const problems = problemsOf(text);
    const hit = problems.find((p) => p.path === expectedPath);
    expect(hit ? formatConfigProblem(hit) : problems.map(formatConfigProblem)).toMatch(message);
    expect(hit?.line).toBeGreaterThanOrEqual(line);
    expect(hit?.line).toBeLessThanOrEqual(line + 3);
    expect(hit?.file).toBe('sales-process.yaml');
    expect(hit?.column).toBeGreaterThan(0);
  });

  it('an empty file', () => {
    expect(problemsOf('')).toEqual([
      expect.objectContaining({ line: 1, path: '(root)', message: expect.stringMatching(/empty/) }),
    ]);
    expect(problemsOf('# only a comment\n')[0]?.message).toMatch(/empty/);
  });

  it('a YAML syntax error, with its line', () => {
    const { text, line } = mutate('  kpiWindowDays: 90', '  kpiWindowDays: [90');
    const [p] = problemsOf(text);
    expect(p?.message).toMatch(/^YAML syntax/);
    expect(p?.line).toBeGreaterThanOrEqual(line);
  });

  it('a key given twice in one mapping', () => {
    const { text, line } = mutate(
      'fiscalYearStartMonth: 4',
      'fiscalYearStartMonth: 4\nfiscalYearStartMonth: 5',
    );
    const [p] = problemsOf(text);
    expect(p?.message).toMatch(/YAML syntax: Map keys must be unique/);
    expect(p?.line).toBe(line + 1);
  });

  it('a list where the sections should be', () => {
    expect(problemsOf('- stages\n- buyingStages\n')[0]?.message).toMatch(/expected a mapping of sections/);
  });

  it('a missing section, reported once with what it should hold', () => {
    const { text } = mutate('prematureActions:', 'prematureActionz:');
    const messages = problemsOf(text).map(formatConfigProblem);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/prematureActions: missing; expected a list/),
        expect.stringMatching(/unknown key "prematureActionz"/),
      ]),
    );
  });

  it('lists every problem at once, in line order', () => {
    let text = mutate('fiscalYearStartMonth: 4', 'fiscalYearStartMonth: 0').text;
    text = text.replace('currency: JPY', 'currency: yen');
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual(['fiscalYearStartMonth', 'currency']);
    expect(problems[0]!.line).toBeLessThan(problems[1]!.line);
  });
});

describe('defaults', () => {
  it('fills field API names left out with DESIGN §2 defaults', () => {
    const text = GOOD.slice(0, GOOD.indexOf('\nfields:')) + '\nfields:\n  deal:\n    stage: Sales_Stage\n';
    const r = parseSalesProcessConfig(text, 'x');
    if (!r.ok) throw new Error(r.problems.map(formatConfigProblem).join('\n'));
    expect(r.config.fields.deal.stage).toBe('Sales_Stage');
    expect(r.config.fields.deal.amount).toBe('Amount');
    expect(r.config.fields.modules.accountPlans).toBe('Account_Plans');
  });
});

describe('hostile YAML is a config problem with its line, never an exception', () => {
  /** Nested anchors: each level refers to the one above nine times ("billion laughs"). */
  function laughs(levels: number): string {
    let out = 'lol0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i <= levels; i++)
      out += `lol${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(',')}]\n`;
    return out;
  }

  it('a billion-laughs file: refused at the first alias, within the alias bound', () => {
    const text = `${GOOD}\n${laughs(7)}`;
    const firstAliasLine = GOOD.split('\n').length + 2;
    let r: ReturnType<typeof parseSalesProcessConfig> | undefined;
    expect(() => (r = parseSalesProcessConfig(text, 'sales-process.yaml'))).not.toThrow();
    expect(r?.ok).toBe(false);
    const [p] = problemsOf(text);
    expect(p).toMatchObject({ line: firstAliasLine, path: '(root)' });
    expect(p?.message).toMatch(/aliases expand too much/);
    expect(formatConfigProblem(p as ConfigProblem)).toMatch(/^sales-process\.yaml:\d+:\d+: /);
  });

  it('more aliases than MAX_CONFIG_ALIASES: refused at the first one over', () => {
    const text = `x: &x 1\n${Array.from({ length: MAX_CONFIG_ALIASES + 5 }, (_, i) => `k${i}: *x\n`).join('')}`;
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        line: MAX_CONFIG_ALIASES + 2,
        message: expect.stringMatching(/too many YAML aliases \(105; at most 100\)/),
      }),
    ]);
  });

  it('a file over MAX_CONFIG_BYTES: refused before it is parsed', () => {
    const text = `${GOOD}\n# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`;
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/at most 1000000 bytes/) }),
    ]);
    // Multi-byte characters count as the bytes they take.
    expect(problemsOf(`# ${'漢'.repeat(MAX_CONFIG_BYTES / 3 + 1)}\n`)[0]?.message).toMatch(/bytes/);
  });
});
