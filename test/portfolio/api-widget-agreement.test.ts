/**
 * The manager's view shows the same numbers in the web tab and at GET /api/portfolio: after a sync
 * of the demo org, the widget's data path (its CRM reads through the widget gateway, the shared
 * normaliser and roll-ups) and the service's route (its mirror of the CRM) give equal reports for
 * the same filters and as-of instant.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import { createApp } from '../../server/http/app';
import { ConfigHolder } from '../../server/config/config-holder';
import { createLogger } from '../../server/runtime/logger';
import { portfolioReport } from '../../server/http/portfolio';
import { SyncRunner } from '../../server/schedule/runner';
import type { SyncService } from '../../server/sync/sync-service';
import { DEFAULT_CONFIG_PATH } from '../../server/config/load-config';
import type { Instant } from '../../shared/model/types';
import { DEFAULT_FILTERS, type PortfolioFilters } from '../../shared/portfolio/model';
import { computePortfolio, type PortfolioReport } from '../../shared/portfolio/report';
import {
  createPortfolioSession,
  loadAll,
  type PortfolioData,
  type PortfolioSession,
} from '../../widget/portfolio/session';
import { AS_OF, captureLogs, openService, shippedConfig, startCrm, type Crm } from '../support/crm-harness';
import { widgetGateway } from './crm-sdk';

const TOKEN = 'portfolio-test-token-5d8e';
const config = shippedConfig();
let crm: Crm;
let svc: SyncService;
let server: http.Server;
let base: string;
let widget: PortfolioData;
let widgetCalls: string[];

beforeAll(async () => {
  crm = await startCrm({ dataset: generateDemoDataset({ asOf: AS_OF }) });
  svc = await openService(crm);
  const run = await svc.sync({ full: true, trigger: 'test' });
  expect(run.status).toBe('ok');
  const { stream } = captureLogs();
  const log = createLogger({ level: 'warn', destination: stream });
  server = http.createServer(
    createApp({
      service: svc,
      runner: new SyncRunner(svc, log, {}),
      config: ConfigHolder.load(DEFAULT_CONFIG_PATH, log),
      log,
      apiToken: TOKEN,
      webhookSecret: null,
      ready: () => true,
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { gateway, calls } = await widgetGateway(crm.url);
  const session = createPortfolioSession(gateway, config, () => AS_OF);
  widget = await loadAll(session);
  widgetCalls = [...calls];
  widget = await withHealthParts(widget, session);
}, 120_000);

/**
 * The page load leaves Account_Health_Parts out (read per account when its score is opened): read
 * them that way for every account, so the comparison covers the on-demand path too.
 */
async function withHealthParts(data: PortfolioData, session: PortfolioSession): Promise<PortfolioData> {
  expect(data.portfolio.accounts.every((a) => a.healthParts === null)).toBe(true);
  const accounts = await Promise.all(
    data.portfolio.accounts.map(async (a) => ({
      ...a,
      healthParts: (await session.loadHealthParts?.(a.id)) ?? null,
    })),
  );
  expect(accounts.some((a) => a.healthParts !== null)).toBe(true);
  return { ...data, portfolio: { ...data.portfolio, accounts } };
}

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  svc?.close();
  await crm?.stop();
});

async function api(query: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/api/portfolio?${query}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  return { status: res.status, body: await res.json() };
}

const asOfParam = `asOf=${encodeURIComponent(new Date(AS_OF).toISOString())}`;
const SATO = '4876876000000090003';
const WATANABE = '4876876000000090002';

describe('GET /api/portfolio and the web tab agree on the demo data', () => {
  const cases: [string, string, Partial<PortfolioFilters>][] = [
    ['everything, this quarter', '', {}],
    ['this fiscal year', 'period=fiscal_year', { period: 'fiscal_year' }],
    [
      'one rep, trailing 90 days',
      `owner=${SATO}&period=trailing_90d`,
      { owners: [SATO], period: 'trailing_90d' },
    ],
    ["the manager's team", `team=${WATANABE}`, { team: WATANABE }],
    [
      'deep stages in manufacturing',
      'stage=trust,internal_expansion,external_expansion,executive&industry=Manufacturing',
      {
        stages: ['trust', 'internal_expansion', 'external_expansion', 'executive'],
        industries: ['Manufacturing'],
      },
    ],
  ];

  it.each(cases)('%s', async (_what, query, filters) => {
    const fromApi = await api(`${query}&${asOfParam}`);
    expect(fromApi.status).toBe(200);
    const fromWidget = computePortfolio(
      widget.portfolio,
      config,
      { ...DEFAULT_FILTERS, ...filters },
      AS_OF as Instant,
    );
    expect(JSON.parse(JSON.stringify(fromWidget))).toEqual(fromApi.body);
  });

  it('and the numbers are real: every account computed, guidance and a forecast gap', async () => {
    const r = (await api(asOfParam)).body as PortfolioReport;
    expect(r.totals).toMatchObject({ accounts: 18, assessed: 18, computed: 18 });
    expect(r.issueCount).toBe(0);
    expect(r.kpis.byKpi.length).toBeGreaterThan(5);
    expect(r.guidance.map((g) => g.code)).toEqual(
      expect.arrayContaining(['CS_FOCUS', 'INSIDE_SALES_COVERAGE', 'DEDICATED_OWNER']),
    );
    expect(r.forecast.total.gap).toBeGreaterThan(0);
    // the sync's alert tasks, read back by both paths (the cases above compare them)
    expect(r.alerts.total).toBeGreaterThan(0);
    expect(r.alerts.codes).toContain('STALE_PLAN');
    expect(r.forecast.gapDeals.some((d) => d.reason === 'premature')).toBe(true);
    expect(r.options.owners.map((o) => o.kind).sort()).toEqual([
      'field',
      'field',
      'field',
      'inside',
      'manager',
    ]);
  });

  it('the web tab read the CRM in a handful of calls', () => {
    // accounts from both ends (one page each way: on a large org the ids between are then read in
    // parallel ranges), history (one page: a longer one is read from both ends too), then the open
    // alert tasks, open deals, won deals; users
    expect(widgetCalls.sort()).toEqual(['coql', 'coql', 'coql', 'coql', 'coql', 'coql', 'getAllUsers']);
  });
});

describe('right after a sync that changed stages', () => {
  // The demo org as the service first finds it: no stages written, no history. The run writes every
  // stage and inserts a history record per account; the API must see those at once, as the web tab does.
  let fresh: Crm;
  let freshSvc: SyncService;
  beforeAll(async () => {
    const d = generateDemoDataset({ asOf: AS_OF });
    const bare = d.Accounts.map(({ Relationship_Stage: _s, Relationship_Stage_Since: _d, ...rest }) => rest);
    fresh = await startCrm({ dataset: { ...d, Accounts: bare, Relationship_Stage_History: [] } });
    freshSvc = await openService(fresh);
    const run = await freshSvc.sync({ full: true, trigger: 'test' });
    expect(run.stageChanges).toBe(18);
  }, 120_000);
  afterAll(async () => {
    freshSvc?.close();
    await fresh?.stop();
  });

  it('the mirror holds the new history records and both paths agree', async () => {
    const { gateway } = await widgetGateway(fresh.url);
    const session = createPortfolioSession(gateway, config, () => AS_OF);
    const data = await withHealthParts(await loadAll(session), session);
    expect(data.portfolio.history).toHaveLength(18);
    const fromWidget = computePortfolio(data.portfolio, config, DEFAULT_FILTERS, AS_OF as Instant);
    const fromApi = portfolioReport(freshSvc.mirror, config, {}, () => AS_OF);
    expect(fromApi.movement.firstAssessments).toBe(18);
    expect(JSON.parse(JSON.stringify(fromApi))).toEqual(JSON.parse(JSON.stringify(fromWidget)));
  });
});

describe('GET /api/portfolio refuses what it cannot answer', () => {
  it.each([
    ['period=month', /unknown period "month"/],
    ['stage=gold', /unknown stage "gold"/],
    ['owner=1;drop', /owner must be Zoho user ids/],
    ['asOf=yesterday', /asOf must be an ISO 8601 datetime/],
    ['ownr=1', /unknown parameter "ownr"/],
  ])('%s → 400', async (query, message) => {
    const res = await api(query);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'BAD_INPUT', message: expect.stringMatching(message) } });
  });

  it('without the bearer token → 401', async () => {
    const res = await fetch(`${base}/api/portfolio`);
    expect(res.status).toBe(401);
  });
});
