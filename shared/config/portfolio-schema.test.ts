import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatConfigProblem, parseSalesProcessConfig, type ConfigProblem } from './load';

const GOOD = readFileSync(path.join(__dirname, '../../config/sales-process.yaml'), 'utf8');

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

describe('the shipped team and guidance sections', () => {
  it('tell field reps, inside sales and managers apart and hold the five guidance rules', () => {
    const r = parseSalesProcessConfig(GOOD, 'sales-process.yaml');
    if (!r.ok) throw new Error(r.problems.map(formatConfigProblem).join('\n'));
    expect(r.config.team.fieldSalesRoles).toContain('フィールドセールス');
    expect(r.config.team.insideSalesRoles).toContain('インサイドセールス');
    expect(r.config.guidance.rules.map((g) => g.kind)).toEqual([
      'stage_concentration',
      'no_executive_touch',
      'early_stage_field_owned',
      'deep_without_dedicated_owner',
      'activity_imbalance',
    ]);
  });

  it('may be left out: no roles, no rules, default tolerance and horizon', () => {
    const text = GOOD.replace(/\n# ── チーム \/ Team[\s\S]*?(?=\n# ── Zoho API credits)/, '\n');
    const r = parseSalesProcessConfig(text, 'x');
    if (!r.ok) throw new Error(r.problems.map(formatConfigProblem).join('\n'));
    expect(r.config.team).toEqual({ fieldSalesRoles: [], insideSalesRoles: [], managerRoles: [] });
    expect(r.config.guidance).toEqual({ activityTolerance: 0.1, forecastQuarters: 4, rules: [] });
  });
});

describe('a bad team or guidance section is rejected at its line', () => {
  // [what is wrong, find, replace, anchor, expected path, expected message]
  const cases: [string, string, string, string | undefined, string, RegExp][] = [
    [
      'an unknown rule kind',
      'kind: no_executive_touch',
      'kind: no_exec_touch',
      undefined,
      'guidance.rules[1].kind',
      /kind must be one of stage_concentration, .*got string "no_exec_touch"/,
    ],
    [
      'an unknown stage',
      'fromStage: executive',
      'fromStage: exec',
      undefined,
      'guidance.rules[1].fromStage',
      /unknown stage "exec"; defined: contact, shared_issues/,
    ],
    [
      'not_started where a stage reached is meant',
      'fromStage: trust',
      'fromStage: not_started',
      undefined,
      'guidance.rules[3].fromStage',
      /unknown stage "not_started"/,
    ],
    [
      'a share given as a percentage',
      'minShare: 0.1',
      'minShare: 10',
      undefined,
      'guidance.rules[0].minShare',
      /share between 0 and 1/,
    ],
    [
      'a missing minAccounts',
      '      minAccounts: 2\n',
      '',
      undefined,
      'guidance.rules[0].minAccounts',
      /missing; expected a number/,
    ],
    [
      'a duplicate code',
      'code: SENIOR_VISIT',
      'code: CS_FOCUS',
      undefined,
      'guidance.rules[1].code',
      /duplicate guidance code "CS_FOCUS"/,
    ],
    [
      'a code in the wrong case',
      'code: SENIOR_VISIT',
      'code: senior-visit',
      undefined,
      'guidance.rules[1].code',
      /UPPER_SNAKE_CASE/,
    ],
    [
      'a misspelt placeholder',
      '直近{days}日に',
      '直近{dayz}日に',
      undefined,
      'guidance.rules[1].message.ja',
      /unknown placeholder \{dayz\}/,
    ],
    [
      'a message without English',
      '        en: "Many accounts are at {stage}',
      '        fr: "Many accounts are at {stage}',
      undefined,
      'guidance.rules[0].message.en',
      /missing; expected a string/,
    ],
    [
      'an unknown key in a rule',
      '      fromStage: executive\n',
      '      fromStage: executive\n      days: 90\n',
      undefined,
      'guidance.rules[1].days',
      /unknown key "days"/,
    ],
    [
      'a negative health weight',
      'keyPeople: 0.2,',
      'keyPeople: -1,',
      undefined,
      'health.weights.keyPeople',
      /a weight is 0 or more/,
    ],
    [
      'evidence stale before it is fresh',
      'evidenceStaleDays: 120',
      'evidenceStaleDays: 20',
      undefined,
      'health.evidenceStaleDays',
      /must be more than evidenceFreshDays \(30\)/,
    ],
    [
      'all health weights 0',
      'weights: { stage: 0.25, evidence: 0.2, plan: 0.2, keyPeople: 0.2, dealRisk: 0.15 }',
      'weights: { stage: 0, evidence: 0, plan: 0, keyPeople: 0, dealRisk: 0 }',
      undefined,
      'health.weights',
      /at least one weight must be above 0/,
    ],
    [
      'a forecast of no quarters',
      'forecastQuarters: 4',
      'forecastQuarters: 0',
      undefined,
      'guidance.forecastQuarters',
      /at least 1/,
    ],
    [
      'a role listed under two kinds',
      'insideSalesRoles: [インサイドセールス, Inside Sales]',
      'insideSalesRoles: [インサイドセールス, Sales Rep]',
      undefined,
      'team.insideSalesRoles[1]',
      /role "Sales Rep" is already listed under team.fieldSalesRoles/,
    ],
    [
      'a role list that is not a list',
      'managerRoles: [エンタープライズ営業部長, 営業本部長, Manager, CEO]',
      'managerRoles: 営業部長',
      undefined,
      'team.managerRoles',
      /expected a list/,
    ],
    [
      'a stage called not_started',
      '  - key: contact',
      '  - key: not_started',
      undefined,
      'stages[0].key',
      /"not_started" is reserved/,
    ],
  ];

  it.each(cases)('%s', (_what, find, replace, after, expectedPath, message) => {
    const { text, line } = mutate(find, replace, after);
    const problems = problemsOf(text);
    const hit = problems.find((p) => p.path === expectedPath);
    expect(hit ? formatConfigProblem(hit) : problems.map(formatConfigProblem)).toMatch(message);
    expect(hit?.line).toBeGreaterThanOrEqual(line - 4); // a missing key points at its rule
    expect(hit?.line).toBeLessThanOrEqual(line + 3);
    expect(hit?.column).toBeGreaterThan(0);
  });
});
