/**
 * Entry of the manager's web-tab widget: connect to the CRM host on `ZOHO.embeddedApp.init()` alone (a
 * web tab has no record, and Zoho fires PageLoad for entity pages only; one that comes is ignored),
 * then render. The config was validated and embedded at build time.
 */
import { render } from 'preact';
import config from 'virtual:sales-process-config';
import { toWidgetError, widgetError } from '../common/errors';
import { detectLang } from '../common/lang';
import { sessionFallbackMemory } from '../common/reads';
import { connectZoho } from '../zoho/zoho-gateway';
import { PortfolioApp } from './app';
import { createPortfolioSession } from './session';
import '../styles/base.css';
import '../styles/panels.css';
import '../styles/portfolio.css';

const root = document.getElementById('app') as HTMLElement;
const lang = detectLang(navigator.languages);
const markReady = () => performance.mark('es:portfolio-ready');
const markComplete = () => performance.mark('es:portfolio-complete');

async function start(): Promise<void> {
  render(<PortfolioApp key="connecting" config={config} session={null} initialLang={lang} />, root);
  try {
    if (window.parent === window) throw widgetError('NOT_IN_ZOHO', 'the page is not inside a CRM frame');
    const { gateway } = await connectZoho({ pageLoad: 'optional' });
    performance.mark('es:pageload');
    const session = createPortfolioSession(gateway, config, Date.now, sessionFallbackMemory());
    render(
      <PortfolioApp
        key="ready"
        config={config}
        session={session}
        initialLang={lang}
        onFirstReady={markReady}
        onComplete={markComplete}
        openRecord={gateway.openRecord ? (entity, id) => gateway.openRecord?.(entity, id) : undefined}
      />,
      root,
    );
    let last = 0;
    new ResizeObserver(() => {
      const h = Math.min(document.documentElement.scrollHeight, 4000);
      if (Math.abs(h - last) > 8) gateway.resize((last = h));
    }).observe(document.body);
  } catch (e) {
    render(
      <PortfolioApp
        key="failed"
        config={config}
        session={null}
        initialLang={lang}
        initialState={{ status: 'error', error: toWidgetError(e) }}
      />,
      root,
    );
  }
}

void start();
