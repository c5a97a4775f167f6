/**
 * Measures a full COQL read of the activity modules of a running emulator (not a jest test):
 *   npm run emulator -- --accounts 10000 --port 4712 &   then   npx tsx test/emulator/scan-bench.ts http://127.0.0.1:4712
 * Three keyset forms, 2,000 rows per call: by id; by id with a Modified_Time floor; by (Modified_Time, id).
 */
const base = process.argv[2] ?? 'http://127.0.0.1:4010';

async function token(): Promise<string> {
  const res = await fetch(
    `${base}/oauth/v2/token?grant_type=refresh_token&client_id=demo&client_secret=demo&refresh_token=demo`,
    { method: 'POST' },
  );
  return ((await res.json()) as { access_token: string }).access_token;
}

type Row = { id: string; Modified_Time: string };

async function scan(
  tok: string,
  module: string,
  where: (last: Row | null) => string,
  order: string,
): Promise<{ rows: number; calls: number; ms: number }> {
  const started = Date.now();
  let last: Row | null = null;
  let rows = 0;
  let calls = 0;
  for (;;) {
    const res = await fetch(`${base}/crm/v6/coql`, {
      method: 'POST',
      headers: { Authorization: `Zoho-oauthtoken ${tok}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        select_query: `select ${module === 'Events' ? 'Event_Title' : 'Subject'}, What_Id, Who_Id, Modified_Time from ${module} where ${where(last)} order by ${order} limit 2000`,
      }),
    });
    calls += 1;
    if (res.status === 204) break;
    if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
    const body = (await res.json()) as { data: Row[]; info: { more_records: boolean } };
    rows += body.data.length;
    last = body.data[body.data.length - 1] ?? null;
    if (!body.info.more_records) break;
  }
  return { rows, calls, ms: Date.now() - started };
}

async function main(): Promise<void> {
  const tok = await token();
  const since = '2024-01-01T00:00:00+09:00';
  const forms: [string, (last: Row | null) => string, string][] = [
    ['id keyset', (l) => (l ? `id > ${l.id}` : 'id is not null'), 'id'],
    ['Modified_Time floor + id keyset', (l) => `Modified_Time >= '${since}' and id > ${l ? l.id : 0}`, 'id'],
    [
      '(Modified_Time, id) keyset',
      (l) =>
        l
          ? `((Modified_Time > '${l.Modified_Time}') or (Modified_Time = '${l.Modified_Time}' and id > ${l.id}))`
          : `Modified_Time >= '${since}'`,
      'Modified_Time, id',
    ],
  ];
  for (const [name, where, order] of forms) {
    let total = { rows: 0, calls: 0, ms: 0 };
    for (const module of ['Tasks', 'Events', 'Calls']) {
      const r = await scan(tok, module, where, order);
      total = { rows: total.rows + r.rows, calls: total.calls + r.calls, ms: total.ms + r.ms };
    }
    process.stdout.write(
      `${name}: ${total.rows} rows in ${total.calls} calls, ${total.ms} ms (${(total.ms / total.calls).toFixed(1)} ms/call)\n`,
    );
  }
}

void main();
