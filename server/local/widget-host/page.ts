/**
 * The preview's host page: laid out like a Zoho CRM account page (top bar, module tabs, record
 * header, details on the left, the widget in a related-list section), with an account switcher.
 * Every CRM value is escaped: an account named `<script>…` shows as text here too.
 */
import { HOST_CSS, resizeScript } from './host-chrome';

export interface AccountOption {
  id: string;
  name: string;
}

export interface PreviewPageModel {
  accounts: AccountOption[];
  selected: Record<string, unknown> | null;
  selectedId: string | null;
  widgetSrc: string | null;
  problem: string | null;
}

export function escapeHtml(value: unknown): string {
  const s = value == null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const lookupName = (v: unknown) =>
  v != null && typeof v === 'object' && 'name' in v ? (v as { name: unknown }).name : v;

export function renderPreviewPage(m: PreviewPageModel): string {
  const r = m.selected ?? {};
  const name = typeof r.Account_Name === 'string' ? r.Account_Name : '';
  const fields: [string, unknown][] = [
    ['取引先の担当者 / Owner', lookupName(r.Owner)],
    ['業種 / Industry', r.Industry],
    ['親会社 / Parent account', lookupName(r.Parent_Account)],
    ['関係性ステージ / Relationship stage', r.Relationship_Stage],
    ['顧客満足度 / CSAT', r.Customer_Satisfaction],
    ['Web サイト / Website', r.Website],
  ];
  const options = m.accounts
    .map(
      (a) =>
        `<option value="${escapeHtml(a.id)}"${a.id === m.selectedId ? ' selected' : ''}>${escapeHtml(a.name)}</option>`,
    )
    .join('');
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name || 'Preview')} · 取引先 · Zoho CRM (local preview)</title>
<style>${CSS}</style>
</head>
<body>
<header class="topbar"><span class="brand">Zoho CRM</span><span class="env">local preview · ローカルプレビュー</span></header>
<nav class="modules" aria-label="Modules"><span>ホーム</span><span>見込み客</span><span>連絡先</span><span class="active">取引先</span><span>商談</span><span>活動</span><a href="portfolio">営業ポートフォリオ</a></nav>
<main>
  <div class="record-head">
    <h1 id="record-name">${escapeHtml(name || '—')}</h1>
    <form method="get" class="switcher">
      <label for="account-switcher">取引先を切り替え / Switch account</label>
      <select id="account-switcher" name="account">${options}</select>
      <button type="submit">表示 / Show</button>
    </form>
  </div>
  ${m.problem ? `<p class="problem" role="alert">${escapeHtml(m.problem)}</p>` : ''}
  <div class="layout">
    <aside class="details" aria-label="取引先の情報 / Account information">
      <h2>取引先の情報</h2>
      <dl>${fields.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v ?? '—')}</dd>`).join('')}</dl>
    </aside>
    <section class="related" aria-labelledby="widget-title">
      <h2 id="widget-title">エンタープライズ営業 / Enterprise sales</h2>
      ${
        m.widgetSrc
          ? `<iframe id="widget-frame" title="Enterprise sales widget" src="${escapeHtml(m.widgetSrc)}"></iframe>`
          : '<p class="problem">No account to show.</p>'
      }
    </section>
  </div>
</main>
<script>
(function () {
  var select = document.getElementById('account-switcher');
  if (select) select.addEventListener('change', function () { select.form.submit(); });
${resizeScript(240, 4000)}
})();
</script>
</body>
</html>`;
}

const CSS = `${HOST_CSS}.record-head{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px;background:#fff;padding:10px 14px;border:1px solid #dde1ea;border-radius:4px}
.record-head h1{font-size:18px;margin:0;overflow-wrap:anywhere}
.switcher{display:flex;gap:6px;align-items:center;flex-wrap:wrap}.switcher label{font-size:11px;color:#6b7385}
.switcher select,.switcher button{font:inherit;padding:3px 6px;border:1px solid #dde1ea;border-radius:4px;background:#fff}
.layout{display:grid;grid-template-columns:minmax(200px,260px) 1fr;gap:12px;margin-top:12px}
@media (max-width:760px){.layout{grid-template-columns:1fr}}
.details,.related{background:#fff;border:1px solid #dde1ea;border-radius:4px;padding:10px 14px}
h2{font-size:13px;margin:0 0 8px;color:#313949}
dl{margin:0}dt{font-size:11px;color:#6b7385;margin-top:6px}dd{margin:0;overflow-wrap:anywhere}
iframe{width:100%;height:640px;border:0;display:block}
.problem{color:#c62828;background:#fdecea;padding:8px;border-radius:4px}
`;
