import { CONFIG } from '../testing/portfolio-builders';
import { parsePortfolioQuery } from './query';

describe('parsePortfolioQuery', () => {
  it('no parameters: everything, this quarter, now', () => {
    expect(parsePortfolioQuery({}, CONFIG)).toEqual({
      ok: true,
      filters: { owners: [], team: null, stages: [], industries: [], target: null, period: 'quarter' },
      asOf: null,
    });
  });

  it('reads every parameter; lists by comma or repetition; empty values are no filter', () => {
    const r = parsePortfolioQuery(
      {
        owner: ['111,222', '222'],
        team: '900',
        stage: 'not_started,trust',
        industry: ['Retail', 'Food & Beverage, Tokyo'],
        target: 'no',
        period: 'trailing_90d',
        asOf: '2026-11-26T09:00:00+09:00',
      },
      CONFIG,
    );
    expect(r).toEqual({
      ok: true,
      filters: {
        owners: ['111', '222'],
        team: '900',
        stages: ['not_started', 'trust'],
        industries: ['Retail', 'Food & Beverage, Tokyo'],
        target: 'no',
        period: 'trailing_90d',
      },
      asOf: Date.parse('2026-11-26T00:00:00Z'),
    });
    expect(parsePortfolioQuery({ owner: '', stage: '' }, CONFIG)).toMatchObject({
      ok: true,
      filters: { owners: [], stages: [] },
    });
  });

  it.each([
    ['an unknown parameter', { owners: '1' }, /unknown parameter "owners"; use owner, team, stage/],
    [
      'an unknown stage',
      { stage: 'trust,gold' },
      /unknown stage "gold"; use not_started, contact, shared_issues/,
    ],
    [
      'an unknown period',
      { period: 'month' },
      /unknown period "month"; use quarter, fiscal_year, trailing_90d/,
    ],
    ['two periods', { period: ['quarter', 'fiscal_year'] }, /one period/],
    ['a malformed owner', { owner: "1' or '1" }, /owner must be Zoho user ids/],
    ['two teams', { team: ['1', '2'] }, /at most one team/],
    ['a malformed team', { team: '../x' }, /team must be the manager/],
    ['a bad asOf', { asOf: 'yesterday' }, /asOf must be an ISO 8601 datetime/],
    ['a nested value', { owner: { a: 1 } }, /owner must be text/],
    ['a long industry', { industry: 'x'.repeat(200) }, /at most 120 characters/],
    ['a target that is not yes or no', { target: 'maybe' }, /target must be yes or no; got "maybe"/],
    ['two targets', { target: ['yes', 'no'] }, /one target/],
  ])('%s → a clear message', (_what, query, message) => {
    const r = parsePortfolioQuery(query as Record<string, unknown>, CONFIG);
    expect(r.ok ? 'accepted' : r.message).toMatch(message);
  });
});
