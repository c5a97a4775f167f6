/**
 * The preview's stand-in for Zoho's widget SDK script (live.zwidgets.com): the same `ZOHO` surface
 * our gateway uses, answered by the preview host (server/local/widget-host) over HTTP instead of postMessage to
 * the CRM frame. PageLoad carries the record from the iframe URL (`?entity=…&entityId=…`). Every call
 * is tagged with this page load's id so the host can count CRM calls per load (DESIGN §9).
 */
type Listener = (data: unknown) => void;

interface ShimState {
  loadId: string;
  calls: { op: string; ms: number; ok: boolean }[];
  pageLoadAt: number | null;
  /** Records the widget asked the CRM to open (UI.Record.open). */
  opened: { entity: string; id: string }[];
}

const params = new URLSearchParams(location.search);
const state: ShimState = {
  loadId:
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now()}-${Math.random().toString(16).slice(2)}`,
  calls: [],
  pageLoadAt: null,
  opened: [],
};
const listeners = new Map<string, Listener>();
let initialised: Promise<void> | null = null;

async function call(op: string, arg: unknown): Promise<unknown> {
  const started = performance.now();
  const res = await fetch(new URL('../api/sdk', location.href), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-preview-load': state.loadId },
    body: JSON.stringify({ op, arg }),
  });
  const reply = (await res.json()) as { ok: boolean; body: unknown };
  state.calls.push({ op, ms: Math.round(performance.now() - started), ok: reply.ok });
  if (!reply.ok) throw reply.body;
  return reply.body;
}

const api = (op: string) => (arg: unknown) => call(op, arg);

const ZOHO = {
  embeddedApp: {
    on(event: string, fn: Listener) {
      listeners.set(event, fn);
    },
    init() {
      initialised ??= Promise.resolve().then(() => {
        setTimeout(() => {
          state.pageLoadAt = performance.now();
          performance.mark('zoho-shim:pageload');
          listeners.get('PageLoad')?.({
            Entity: params.get('entity') ?? 'Accounts',
            EntityId: params.get('entityId') ?? '',
          });
        }, 0);
      });
      return initialised;
    },
  },
  CRM: {
    API: Object.fromEntries(
      [
        'getRecord',
        'getAllRecords',
        'getRelatedRecords',
        'searchRecord',
        'getAllUsers',
        'coql',
        'updateRecord',
        'insertRecord',
      ].map((op) => [op, api(op)]),
    ),
    CONFIG: { getCurrentUser: () => call('getCurrentUser', {}) },
    FUNCTIONS: {
      execute: (name: string, config: { arguments?: string }) =>
        call('executeFunction', { name, arguments: config?.arguments ?? '{}' }),
    },
    UI: {
      Resize(size: { height?: number; width?: number }) {
        if (window.parent !== window)
          window.parent.postMessage({ type: 'zoho-shim:resize', ...size }, location.origin);
        return Promise.resolve(true);
      },
      Record: {
        open(o: { Entity?: string; RecordID?: string }) {
          const entity = String(o?.Entity ?? '');
          const id = String(o?.RecordID ?? '');
          state.opened.push({ entity, id });
          if (window.parent !== window)
            window.parent.postMessage({ type: 'zoho-shim:open', entity, id }, location.origin);
          return Promise.resolve(true);
        },
      },
    },
  },
};

Object.assign(window, { ZOHO, __zohoShim: state });
