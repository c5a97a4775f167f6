/**
 * Data shapes that once froze the engine (issue 13), through normalise → bundle → insight: a
 * 50,000-contact Reporting_To chain (the cubic cycle check never finished), the same chain closed
 * into one loop (reported once), a 10 MB text field, and 20,000 activities on one account (the
 * 1,000,000 case and the timings are in `npm run test:stress`). Answers are asserted, not times;
 * the old cycle check would run into the test timeout.
 */
import { shippedConfig } from '../support/crm-harness';
import { contactChain, hugeText, manyActivities, runShape } from './data-shapes';

const config = shippedConfig();

it('a 50,000-contact Reporting_To chain: no issue, no hang (the old check never finished)', () => {
  const r = runShape(contactChain(50_000), config);
  expect(r.issues).toEqual([]);
  expect(r.insight.accountId).toBe('a1');
}, 120_000);

it('the same chain closed into a loop: reported exactly once, naming the first contact', () => {
  const r = runShape(contactChain(50_000, true), config);
  const loops = r.issues.filter((i) => i.code === 'REPORTING_CYCLE') as { code: string; recordId?: string }[];
  expect(loops).toHaveLength(1);
  expect(loops[0]?.recordId).toBe('c0');
}, 120_000);

it('a 10 MB title, description and subject: read, and the activity counted', () => {
  const r = runShape(hugeText(), config);
  expect(r.issues).toEqual([]);
  expect(r.insight.activityMix.relationship).toBe(1);
}, 120_000);

it('20,000 activities on one account: every one in the KPI window is counted', () => {
  const n = 20_000;
  const inWindow = Array.from({ length: n }, (_, i) => i).filter((i) => i % 360 < 90);
  const r = runShape(manyActivities(n), config);
  // Seminars deepen the relationship; a bare "打合せ" nobody classified counts on neither side (issue 11).
  const seminars = inWindow.filter((i) => i % 2 === 0).length;
  expect(r.insight.activityMix.relationship).toBe(seminars);
  expect(r.insight.activityMix.unclassified).toBe(inWindow.length - seminars);
  expect(r.insight.kpis.seminars).toBe(seminars);
}, 120_000);
