import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileConfig } from '../engine/compiled';
import { isExecutiveTitle } from '../engine/context';
import { parseSalesProcessConfig } from './load';
import { compileLinearPattern, MAX_PATTERN_CHARS, nestedRepeat, patternProblem } from './patterns';

const GOOD = readFileSync(path.join(__dirname, '../../config/sales-process.yaml'), 'utf8');
const INCLUDE = 'executiveTitles:\n  include: [';

function withInclude(pattern: string) {
  const at = GOOD.indexOf(INCLUDE) + INCLUDE.length;
  const text = `${GOOD.slice(0, at)}${JSON.stringify(pattern)}, ${GOOD.slice(at)}`;
  return { text, line: GOOD.slice(0, at).split('\n').length };
}

describe('config:check refuses the patterns that could freeze a matcher, with file:line', () => {
  it.each([
    ['(a+)+$', /"\(a\+\)\+" repeats and itself holds a repeat/],
    ['^(\\w+\\s?)*$', /exponential time/],
    ['(a|ab)*c', /exponential time/],
    ['(?=CEO)C', /not supported by the linear-time matcher/],
    ['(a)\\1', /not supported by the linear-time matcher/],
    ['[', /not a valid regular expression/],
    ['x'.repeat(MAX_PATTERN_CHARS + 1), /at most 200 characters/],
  ])('%j', (pattern, why) => {
    const { text, line } = withInclude(pattern);
    const r = parseSalesProcessConfig(text, 'sales-process.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      expect.objectContaining({
        line,
        path: 'executiveTitles.include[0]',
        message: expect.stringMatching(why),
      }),
    ]);
  });

  it('accepts the shipped patterns and ordinary ones', () => {
    for (const p of [
      '社長',
      '\\bC[EFOTIDMS]O\\b',
      'Vice President',
      '(ab){2,}',
      '(a*)?',
      '(社長|会長)',
      '[(a+)]+',
    ])
      expect({ p, problem: patternProblem(p) }).toEqual({ p, problem: null });
    expect(nestedRepeat('\\(a+\\)+')).toBeNull();
    expect(nestedRepeat('(a{1,3}){2,5}')).toBe('(a{1,3}){2,5}');
  });
});

describe('matching is linear in the title', () => {
  it('(a+)+$ against a 37-character title answers at once (a backtracking engine takes hours)', () => {
    const re = compileLinearPattern('(a+)+$');
    expect(re.test(`${'a'.repeat(37)}!`)).toBe(false);
    expect(re.test('a'.repeat(37))).toBe(true);
  });

  it('the engine uses the linear matcher even for a config that skipped validation', () => {
    const r = parseSalesProcessConfig(GOOD, 'sales-process.yaml');
    if (!r.ok) throw new Error('shipped config invalid');
    const hostile = {
      ...r.config,
      executiveTitles: { include: ['(a+)+$', '^(\\w+\\s?)*$'], exclude: ['(x|x)*y'] },
    };
    const cc = compileConfig(hostile);
    expect(isExecutiveTitle(`${'a'.repeat(37)}!`, cc)).toBe(false);
    expect(isExecutiveTitle(`${'word '.repeat(40)}!`, cc)).toBe(false);
    expect(isExecutiveTitle('a'.repeat(37), cc)).toBe(true);
  });

  it('only the first 256 characters of a title are matched (a 10 MB title is no slower than a short one)', () => {
    const r = parseSalesProcessConfig(GOOD, 'sales-process.yaml');
    if (!r.ok) throw new Error('shipped config invalid');
    const cc = compileConfig(r.config);
    expect(isExecutiveTitle(`代表取締役社長${'x'.repeat(10_000_000)}`, cc)).toBe(true);
    expect(isExecutiveTitle(`${'x'.repeat(300)}社長`, cc)).toBe(false);
  });
});
