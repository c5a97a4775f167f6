/**
 * The preview's host page for the manager's view: laid out like a Zoho CRM web tab (top bar,
 * module tabs with the web tab selected, the widget across the page). A web tab has no record
 * context, so the page only hosts the built widget.
 */
import { HOST_CSS, openRecordScript, resizeScript } from './host-chrome';
import { escapeHtml } from './page';

export function renderPortfolioPage(m: { widgetSrc: string; accountPage: string }): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>営業ポートフォリオ · Zoho CRM (local preview)</title>
<style>${CSS}</style>
</head>
<body>
<header class="topbar"><span class="brand">Zoho CRM</span><span class="env">local preview · ローカルプレビュー</span></header>
<nav class="modules" aria-label="Modules"><span>ホーム</span><span>見込み客</span><span>連絡先</span><a href="${escapeHtml(m.accountPage)}">取引先</a><span>商談</span><span>活動</span><span class="active">営業ポートフォリオ</span></nav>
<main>
  <p id="open-note" role="status"></p>
  <iframe id="widget-frame" title="Sales portfolio widget" src="${escapeHtml(m.widgetSrc)}"></iframe>
</main>
<script>
(function () {
${resizeScript(480, 6000)}
${openRecordScript(m.accountPage)}
})();
</script>
</body>
</html>`;
}

const CSS = `${HOST_CSS}iframe{width:100%;height:900px;border:1px solid #dde1ea;border-radius:4px;background:#fff;display:block}
`;
