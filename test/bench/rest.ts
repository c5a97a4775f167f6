/**
 * A plain REST client for the local CRM, as a typical integration writes one: an OAuth refresh-token
 * grant, `fetch`, one token refresh on 401, a short backoff on 429 and 5xx, and a pool that keeps at
 * most N calls in flight. The naive baseline and the bench's own edits use it.
 */
export interface Rest {
  get(path: string): Promise<{ status: number; body: ZohoPage | null }>;
  send(method: 'PUT' | 'POST', path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

export interface ZohoPage {
  data: (Record<string, unknown> & { id: string })[];
  info?: { more_records?: boolean; next_page_token?: string | null };
}

/** A client of the local CRM with its demo credentials. */
export function restClient(base: string): Rest {
  let token: Promise<string> | null = null;
  const fresh = () =>
    (token = fetch(
      `${base}/oauth/v2/token?grant_type=refresh_token&client_id=demo&client_secret=demo&refresh_token=demo`,
      { method: 'POST' },
    )
      .then((r) => r.json() as Promise<{ access_token: string }>)
      .then((j) => j.access_token));
  const client: Rest = {
    async get(path) {
      const res = await call('GET', path);
      return { status: res.status, body: res.status === 200 ? ((await res.json()) as ZohoPage) : null };
    },
    async send(method, path, body) {
      const res = await call(method, path, body);
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
  };
  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const t = await (token ?? fresh());
      let res: Response;
      try {
        res = await fetch(`${base}/crm/v6${path}`, {
          method,
          headers: {
            Authorization: `Zoho-oauthtoken ${t}`,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (e) {
        // A kept-alive connection the server closed while we computed: the request never left.
        if (attempt < 6) continue;
        throw e;
      }
      if (res.status === 401 && attempt === 1) {
        await res.arrayBuffer();
        fresh();
        continue;
      }
      if ((res.status === 429 || res.status >= 500) && attempt < 6) {
        await res.arrayBuffer();
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        continue;
      }
      if (res.status >= 400)
        throw new Error(`${method} ${path}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
      return res;
    }
  }
  return client;
}

/** Run `work` over `items` with at most `limit` in flight; results in input order. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
