/**
 * Entry of the account-page widget: connect to the CRM host (PageLoad), then render the app. The
 * config was validated and embedded at build time: a Zoho-hosted widget cannot read our files.
 */
import { render } from 'preact';
import config from 'virtual:sales-process-config';
import { widgetError, toWidgetError } from '../common/errors';
import { detectLang } from '../common/lang';
import { sessionFallbackMemory } from '../common/reads';
import { connectZoho } from '../zoho/zoho-gateway';
import { App } from './app';
import { createSession } from './session';
import { installLeaveGuard } from './ui/use-draft';
import '../styles/base.css';
import '../styles/panels.css';
import '../styles/account-page.css';
import '../styles/relationship-map.css';

const root = document.getElementById('app') as HTMLElement;
const lang = detectLang(navigator.languages);
const markReady = () => performance.mark('es:stage-ready');

async function start(): Promise<void> {
  installLeaveGuard();
  render(<App key="connecting" config={config} session={null} initialLang={lang} />, root);
  try {
    if (window.parent === window) {
      throw widgetError('NOT_IN_ZOHO', 'the page is not inside a CRM frame');
    }
    const { gateway, page } = await connectZoho();
    performance.mark('es:pageload');
    const accountId = page.entityIds[0];
    if (page.entity !== config.fields.modules.accounts || !accountId) {
      throw widgetError(
        'NO_RECORD',
        `placed on ${page.entity || 'an unknown page'}; needs an ${config.fields.modules.accounts} record`,
      );
    }
    const session = createSession(gateway, config, accountId, Date.now, sessionFallbackMemory());
    render(
      <App key={accountId} config={config} session={session} initialLang={lang} onFirstReady={markReady} />,
      root,
    );
    // The content's own height, not the document's: that is never smaller than the frame, so the
    // frame would only ever grow (a short tab after a long one kept the long one's height).
    let last = 0;
    new ResizeObserver(() => {
      const h = Math.min(Math.ceil(root.getBoundingClientRect().height) + 16, 2000);
      if (Math.abs(h - last) > 8) gateway.resize((last = h));
    }).observe(root);
  } catch (e) {
    const error = toWidgetError(e);
    render(
      <App
        key="failed"
        config={config}
        session={null}
        initialLang={lang}
        initialState={{ status: 'error', error }}
      />,
      root,
    );
  }
}

void start();
