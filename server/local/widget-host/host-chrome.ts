/**
 * What the preview's host pages share: the CRM-like frame's CSS and the script that sizes the widget's
 * iframe when the widget asks (`ZOHO.CRM.UI.Resize` → the shim posts `zoho-shim:resize`).
 */

/** Top bar, module tabs and main area, styled like Zoho CRM. */
export const HOST_CSS = `
body{margin:0;font:13px/1.45 Lato,'Helvetica Neue',Arial,'Hiragino Kaku Gothic ProN',Meiryo,sans-serif;color:#313949;background:#eef1f6}
.topbar{background:#1b2b44;color:#fff;padding:8px 16px;display:flex;gap:16px;align-items:baseline}
.brand{font-weight:700;font-size:15px}.env{opacity:.7;font-size:11px}
.modules{background:#fff;border-bottom:1px solid #dde1ea;display:flex;gap:2px;padding:0 12px;overflow-x:auto}
.modules span,.modules a{padding:8px 12px;color:#6b7385;white-space:nowrap;text-decoration:none}.modules .active{color:#226db4;border-bottom:2px solid #226db4;font-weight:600}
main{padding:12px 16px}
`;

/** Only messages from our own origin and our own frame are heeded; the height is clamped. */
export function resizeScript(minHeight: number, maxHeight: number): string {
  return `  var frame = document.getElementById('widget-frame');
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !frame || e.source !== frame.contentWindow) return;
    var d = e.data;
    if (d && d.type === 'zoho-shim:resize' && typeof d.height === 'number') {
      frame.style.height = Math.max(${minHeight}, Math.min(d.height + 4, ${maxHeight})) + 'px';
    }
  });`;
}

/**
 * `ZOHO.CRM.UI.Record.open` in the preview (the shim posts `zoho-shim:open-record`): an account
 * opens its account page (with our widget); another module has no page here, so a note says what
 * Zoho would open.
 */
export function openRecordScript(accountPage: string): string {
  return `  window.addEventListener('message', function (e) {
    var frame = document.getElementById('widget-frame');
    if (e.origin !== location.origin || !frame || e.source !== frame.contentWindow) return;
    var d = e.data;
    if (!d || d.type !== 'zoho-shim:open-record' || typeof d.id !== 'string') return;
    if (d.entity === 'Accounts') {
      location.href = ${JSON.stringify(accountPage)} + '?account=' + encodeURIComponent(d.id);
      return;
    }
    var note = document.getElementById('open-note');
    if (note) note.textContent = 'Zoho CRM would open ' + String(d.entity) + ' ' + d.id + ' · Zoho CRM でこのレコードを開きます';
  });`;
}
