/**
 * The widget's CRM gateway (widget/zoho) against the local Zoho CRM, without a browser: a stand-in
 * for Zoho's widget SDK whose calls go through the preview host's SDK → REST mapping, the way the
 * preview shim does in Chromium. Counts the calls.
 */
import { createHostCrm } from '../../server/local/widget-host/host-crm';
import { restForSdkCall } from '../../server/local/widget-host/sdk-rest';
import { connectZoho } from '../../widget/zoho/zoho-gateway';
import type { CrmGateway } from '../../widget/zoho/types';

export async function widgetGateway(crmUrl: string): Promise<{ gateway: CrmGateway; calls: string[] }> {
  const host = createHostCrm({
    crmBaseUrl: crmUrl,
    accountsUrl: crmUrl,
    clientId: 'demo',
    clientSecret: 'demo',
    refreshToken: 'demo',
  });
  const calls: string[] = [];
  const api = (op: string) => async (arg: unknown) => {
    calls.push(op);
    const mapped = restForSdkCall(op, arg);
    if (!mapped.ok) throw { code: 'INVALID_REQUEST', message: mapped.message };
    const reply = await host.request(mapped.request);
    if (reply.status < 200 || reply.status >= 300) throw reply.body;
    return reply.body ?? '';
  };
  let onLoad: ((d: unknown) => void) | undefined;
  const sdk = {
    embeddedApp: {
      on: (_: string, fn: (d: unknown) => void) => (onLoad = fn),
      init: () => {
        setTimeout(() => onLoad?.({ Entity: 'portfolio', EntityId: '' }), 0);
        return Promise.resolve();
      },
    },
    CRM: {
      API: Object.fromEntries(
        [
          'coql',
          'getAllRecords',
          'getAllUsers',
          'getRecord',
          'searchRecord',
          'updateRecord',
          'insertRecord',
        ].map((op) => [op, api(op)]),
      ),
    },
  };
  const { gateway } = await connectZoho({ sdk, callTimeoutMs: 60_000 });
  return { gateway, calls };
}
