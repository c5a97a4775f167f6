/**
 * The built widget pages stay within DESIGN §9's JavaScript budget (≤ 60 KB gzip per page): a
 * size check on `app/` as `npm run test:e2e` builds it, so an import that drags a library into a
 * page (zod into the manager's view, say) fails here rather than at the next benchmark.
 */
import path from 'node:path';
import { jsGzipBytes, pageScripts, WIDGET_BUDGET } from '../bench/widget-budget';

const APP = path.resolve(__dirname, '..', '..', 'app');

it.each(['account.html', 'portfolio.html'])('%s loads ≤ 60 KB gzip of JavaScript', (page) => {
  expect(pageScripts(APP, page).length).toBeGreaterThan(0);
  const gzip = jsGzipBytes(APP, page);
  expect({ page, gzip, over: gzip > WIDGET_BUDGET.jsGzipBytes }).toEqual({ page, gzip, over: false });
});
