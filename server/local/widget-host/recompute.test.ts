import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { webhookRouter, type WebhookPayload } from '../../http/webhook';
import { runRecomputeFunction, type ServiceHook } from './recompute';

/** The service's real webhook receiver on a free port, recording what it accepts. */
async function receiver(secret: string) {
  const accepted: WebhookPayload[] = [];
  const app = express().use(
    webhookRouter({ secret, rememberDelivery: () => true, accept: (p) => accepted.push(p) }),
  );
  app.use((e: { code?: string }, _req: express.Request, res: express.Response, _n: express.NextFunction) =>
    res.status(401).json({ code: e.code }),
  );
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/zoho`;
  return { url, accepted, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('the preview’s esm_recompute_now', () => {
  it('signs a recompute for the account to the service’s webhook and answers in the function envelope', async () => {
    const r = await receiver('s3cret');
    try {
      const reply = await runRecomputeFunction(
        { target: { url: r.url, secret: 's3cret' } },
        JSON.stringify({ accountId: '1234' }),
      );
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ code: 'success', details: { output_type: 'string' } });
      expect(r.accepted).toEqual([
        expect.objectContaining({
          module: 'Accounts',
          recordId: '1234',
          operation: 'recompute',
          accountId: '1234',
        }),
      ]);
    } finally {
      await r.close();
    }
  });

  it('a wrong secret is refused by the service: the output says so', async () => {
    const r = await receiver('s3cret');
    try {
      const reply = await runRecomputeFunction(
        { target: { url: r.url, secret: 'other' } },
        JSON.stringify({ accountId: '1234' }),
      );
      expect(JSON.stringify(reply.body)).toContain('did not accept the request: 401');
      expect(r.accepted).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it.each<[ServiceHook, string, number]>([
    [{ target: null }, '{"accountId":"1"}', 400],
    [{ target: { url: 'http://127.0.0.1:9/x', secret: 's' } }, '{"accountId":"x; drop"}', 400],
    [{ target: { url: 'http://127.0.0.1:9/x', secret: 's' } }, 'not json', 400],
  ])('refuses without a service or with bad arguments (%#)', async (hook, args, status) => {
    expect((await runRecomputeFunction(hook, args)).status).toBe(status);
  });
});
