/**
 * The preview's host page for the manager's view: laid out like a Zoho CRM web tab (top bar,
 * module tabs with the web tab selected, the widget across the page). A web tab has no record
 * context, so the page only hosts the built widget.
 */
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
  <iframe id="widget-frame" title="Sales portfolio widget" src="${escapeHtml(m.widgetSrc)}"></iframe>
</main>
<script>
(function () {
  var frame = document.getElementById('widget-frame');
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !frame || e.source !== frame.contentWindow) return;
    var d = e.data;
    if (d && d.type === 'zoho-shim:resize' && typeof d.height === 'number') {
      frame.style.height = Math.max(480, Math.min(d.height + 4, 6000)) + 'px';
    }
  });
})();
</script>
</body>
</html>`;
}

const CSS = `
body{margin:0;font:13px/1.45 Lato,'Helvetica Neue',Arial,'Hiragino Kaku Gothic ProN',Meiryo,sans-serif;color:#313949;background:#eef1f6}
.topbar{background:#1b2b44;color:#fff;padding:8px 16px;display:flex;gap:16px;align-items:baseline}
.brand{font-weight:700;font-size:15px}.env{opacity:.7;font-size:11px}
.modules{background:#fff;border-bottom:1px solid #dde1ea;display:flex;gap:2px;padding:0 12px;overflow-x:auto}
.modules span,.modules a{padding:8px 12px;color:#6b7385;white-space:nowrap;text-decoration:none}.modules .active{color:#226db4;border-bottom:2px solid #226db4;font-weight:600}
main{padding:12px 16px}
iframe{width:100%;height:900px;border:1px solid #dde1ea;border-radius:4px;background:#fff;display:block}
`;
