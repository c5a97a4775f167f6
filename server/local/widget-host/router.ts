/**
 * `createPreviewRouter(…)`: the local stand-in for Zoho's widget host, to mount at `/preview`.
 *   GET  /                      the account page (`?account=ID`), hosting the BUILT widget in an iframe
 *   GET  /portfolio             the manager's web tab (no record context), hosting the built widget
 *   GET  /widget/account.html   the built widget, with Zoho's CDN SDK script swapped for our shim
 *   GET  /widget/portfolio.html the built web-tab widget, likewise
 *   GET  /widget/assets/*       the built assets
 *   GET  /shim/zoho-shim.js     the shim: a `ZOHO` object whose calls come back here
 *   POST /api/sdk               one SDK call → the REST call Zoho's host would make → the reply
 *                               (esm_recompute_now → a signed POST to the service, as its Deluge does)
 *   GET  /api/loads/:loadId     the CRM calls one widget page load made (for the budget script)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { CallLog } from './call-log';
import { createHostCrm, type HostCrm, type HostCrmOptions, type RawRestResponse } from './host-crm';
import { renderPreviewPage, type AccountOption } from './page';
import { renderPortfolioPage } from './portfolio-page';
import { RECOMPUTE_FUNCTION, runRecomputeFunction, type ServiceHook } from './recompute';
import { restForSdkCall } from './sdk-rest';

export interface PreviewOptions extends HostCrmOptions {
  /** The built widget (`app/`). */
  appDir: string;
  /** The built shim (default `dist/preview/zoho-shim.js` beside `appDir`). */
  shimFile?: string;
  /** The widget page in `appDir`. */
  widgetPage?: string;
  /** The manager's web-tab page in `appDir`. */
  portfolioPage?: string;
  /**
   * Relationship_Stage values from lowest to highest: without `?account`, the page opens the most
   * advanced account (the one with the most to show), not the first by name.
   */
  stageOrder?: readonly string[];
  /** The service `esm_recompute_now` signs its request to (as the Deluge function does in Zoho). */
  serviceHook?: ServiceHook;
}

export interface PreviewRouter extends Router {
  callLog: CallLog;
}

const SDK_TAG = /<script\b[^>]*\bsrc="https:\/\/live\.zwidgets\.com\/js-sdk\/[^"]+"[^>]*>\s*<\/script>/;
const LOAD_ID = /^[A-Za-z0-9-]{8,64}$/;
const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,40}$/;

export function createPreviewRouter(opts: PreviewOptions): PreviewRouter {
  const crm = createHostCrm(opts);
  const callLog = new CallLog();
  const widgetPage = opts.widgetPage ?? 'account.html';
  const shimFile = opts.shimFile ?? path.join(opts.appDir, '..', 'dist', 'preview', 'zoho-shim.js');
  const router = express.Router() as PreviewRouter;
  router.callLog = callLog;

  router.get('/', (req, res, next) => {
    hostPage(crm, req, opts.stageOrder ?? []).then((html) => res.type('html').send(html), next);
  });

  // A web tab gets no PageLoad from Zoho (the SDK fires it for entity pages): the shim sends none
  // unless `?pageload=1` asks for one, so the widget is tested both ways.
  router.get('/portfolio', (req, res) => {
    const pageLoad = req.query.pageload === '1' ? '' : '&pageload=none';
    res.type('html').send(
      renderPortfolioPage({
        widgetSrc: `${req.baseUrl}/widget/portfolio.html?entity=WebTab${pageLoad}`,
        accountPage: `${req.baseUrl}/`,
      }),
    );
  });

  const serveWidget = (page: string) => (_req: Request, res: Response) => {
    const file = path.join(opts.appDir, page);
    if (!existsSync(file)) return void notBuilt(res, `${file} is missing: run \`npm run build\``);
    const html = readFileSync(file, 'utf8');
    if (!SDK_TAG.test(html))
      return void notBuilt(res, `${file} does not load Zoho's widget SDK from live.zwidgets.com`);
    res.type('html').send(html.replace(SDK_TAG, '<script src="../shim/zoho-shim.js"></script>'));
  };
  router.get('/widget/account.html', serveWidget(widgetPage));
  router.get('/widget/portfolio.html', serveWidget(opts.portfolioPage ?? 'portfolio.html'));
  router.use('/widget/assets', express.static(path.join(opts.appDir, 'assets'), { fallthrough: false }));

  router.get('/shim/zoho-shim.js', (_req, res) => {
    if (!existsSync(shimFile)) return void notBuilt(res, `${shimFile} is missing: run \`npm run build\``);
    res.type('js').sendFile(path.resolve(shimFile));
  });

  router.post('/api/sdk', express.json({ limit: '2mb' }), (req, res, next) => {
    const { op, arg } = (req.body ?? {}) as { op?: unknown; arg?: unknown };
    const loadId = req.get('x-preview-load') ?? '';
    const mapped = restForSdkCall(String(op), arg);
    if (!mapped.ok) {
      return void res
        .status(400)
        .json({ ok: false, body: { code: 'INVALID_REQUEST', status: 'error', message: mapped.message } });
    }
    const started = Date.now();
    const a = (arg ?? {}) as { name?: unknown; arguments?: unknown };
    // the CRM's JSON reply is relayed as its text (a page of 2,000 rows is not parsed and written again)
    const reply: Promise<RawRestResponse> =
      op === 'executeFunction' && a.name === RECOMPUTE_FUNCTION
        ? runRecomputeFunction(opts.serviceHook ?? { target: null }, String(a.arguments)).then((r) => ({
            status: r.status,
            json: r.body == null ? '' : JSON.stringify(r.body),
          }))
        : crm.requestRaw(mapped.request);
    reply.then((reply) => {
      if (LOAD_ID.test(loadId)) callLog.record(loadId, String(op), reply.status, Date.now() - started);
      const ok = reply.status >= 200 && reply.status < 300;
      // written as is: no ETag hash of a 4 MB answer (Express's default on res.send)
      const text = `{"ok":${String(ok)},"status":${reply.status},"body":${reply.json === '' ? '""' : reply.json}}`;
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    }, next);
  });

  router.get('/api/loads/:loadId', (req, res) => {
    const loadId = String(req.params.loadId);
    if (!LOAD_ID.test(loadId)) return void res.status(400).json({ error: 'bad load id' });
    const load = callLog.get(loadId);
    res.json({ ...load, count: load.calls.length });
  });

  return router;
}

async function hostPage(crm: HostCrm, req: Request, stageOrder: readonly string[]): Promise<string> {
  const wanted =
    typeof req.query.account === 'string' && ACCOUNT_ID.test(req.query.account) ? req.query.account : null;
  let accounts: AccountOption[] = [];
  let problem: string | null = null;
  let mostAdvanced: unknown;
  const list = await crm.request({
    method: 'POST',
    path: '/coql',
    body: {
      select_query:
        'select id, Account_Name, Relationship_Stage from Accounts where id is not null order by Account_Name asc limit 2000',
    },
  });
  if (list.status === 200) {
    const data =
      (list.body as { data?: { id?: unknown; Account_Name?: unknown; Relationship_Stage?: unknown }[] })
        .data ?? [];
    const rank = (a: { Relationship_Stage?: unknown }) =>
      stageOrder.indexOf(String(a.Relationship_Stage ?? ''));
    mostAdvanced = [...data].sort((x, y) => rank(y) - rank(x))[0]?.id;
    accounts = data.map((a) => ({
      id: String(a.id),
      name: typeof a.Account_Name === 'string' ? a.Account_Name : String(a.id),
    }));
  } else if (list.status !== 204) problem = `CRM: ${JSON.stringify(list.body).slice(0, 300)}`;
  const selectedId =
    wanted ?? (mostAdvanced !== undefined ? String(mostAdvanced) : null) ?? accounts[0]?.id ?? null;
  let selected: Record<string, unknown> | null = null;
  if (selectedId) {
    const one = await crm.request({ method: 'GET', path: `/Accounts/${selectedId}` });
    const rec = (one.body as { data?: Record<string, unknown>[] } | null)?.data?.[0];
    if (rec) selected = rec;
    else problem = `no account ${selectedId} in the CRM`;
  }
  const widgetSrc =
    selected && selectedId
      ? `${req.baseUrl}/widget/account.html?entity=Accounts&entityId=${encodeURIComponent(selectedId)}`
      : null;
  return renderPreviewPage({ accounts, selected, selectedId, widgetSrc, problem });
}

function notBuilt(res: Response, message: string): void {
  res.status(503).type('text').send(message);
}
