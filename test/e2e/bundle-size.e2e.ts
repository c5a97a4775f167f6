/**
 * The built widget pages stay within DESIGN §9's JavaScript budget (≤ 60 KB gzip per page): a
 * size check on `app/` as `npm run test:e2e` builds it, so an import that drags a library into a
 * page (zod into the manager's view, say) fails here rather than at the next benchmark.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { jsGzipBytes, onDemandScripts, pageScripts, WIDGET_BUDGET } from '../bench/widget-budget';

const APP = path.resolve(__dirname, '..', '..', 'app');

it.each(['account.html', 'portfolio.html'])('%s loads ≤ 60 KB gzip of JavaScript', (page) => {
  expect(pageScripts(APP, page).length).toBeGreaterThan(0);
  const gzip = jsGzipBytes(APP, page);
  expect({ page, gzip, over: gzip > WIDGET_BUDGET.jsGzipBytes }).toEqual({ page, gzip, over: false });
});

it('the buyer map is its own chunk, loaded on demand: outside the account page’s first load, and small', () => {
  const chunks = onDemandScripts(APP, 'account.html').filter((f) => /relationship-map-/.test(f));
  expect(chunks).toHaveLength(1);
  expect(pageScripts(APP, 'account.html')).not.toContain(chunks[0]);
  const gzip = gzipSync(readFileSync(chunks[0] as string)).length;
  expect({ gzip, small: gzip <= 10 * 1024 }).toEqual({ gzip, small: true });
});
