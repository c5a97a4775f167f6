/**
 * `POST /hooks/zoho` (DESIGN §7): from our Deluge workflow function when a record changes. Verify the
 * HMAC signature of `<X-Timestamp>.<raw body>`, the timestamp (≤ 300 s old) and replay (delivery id),
 * in that order and before parsing anything; then mark the account for recompute and answer at once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { AppError } from '../errors';

export const MAX_WEBHOOK_BYTES = 16 * 1024;
const TOLERANCE_S = 300;

export const webhookPayloadSchema = z.strictObject({
  deliveryId: z.string().min(1).max(200),
  module: z.enum(['Accounts', 'Contacts', 'Deals', 'Tasks', 'Events', 'Calls', 'Account_Plans']),
  recordId: z.string().regex(/^\d{1,30}$/, 'must be a Zoho record id'),
  operation: z.enum(['create', 'update', 'delete', 'recompute']),
  // "" (what the Deluge sends for a record linked to no account), null or absent: no account.
  accountId: z
    .union([z.string().regex(/^\d{1,30}$/, 'must be a Zoho record id'), z.literal('')])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  modifiedTime: z.string().max(40).optional(),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

export interface WebhookDeps {
  secret: string | null;
  rememberDelivery(id: string): boolean;
  accept(payload: WebhookPayload): void;
  now?: () => number;
}

export function sign(secret: string, timestamp: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

export function webhookRouter(deps: WebhookDeps): express.Router {
  const router = express.Router();
  router.post(
    '/hooks/zoho',
    express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }),
    (req: Request, res: Response) => {
      if (!deps.secret)
        throw new AppError('NOT_READY', 'WEBHOOK_SECRET is not set: the service does not accept webhooks');
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      verify(deps, req, raw);
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new AppError('BAD_INPUT', 'the webhook body is not JSON');
      }
      const parsed = webhookPayloadSchema.safeParse(json);
      if (!parsed.success)
        throw new AppError(
          'BAD_INPUT',
          `webhook body: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
        );
      if (!deps.rememberDelivery(parsed.data.deliveryId))
        throw new AppError('CONFLICT', `delivery ${parsed.data.deliveryId} was already received (replay)`);
      deps.accept(parsed.data);
      res.status(202).json({ accepted: true, accountId: parsed.data.accountId });
    },
  );
  return router;
}

function verify(deps: WebhookDeps, req: Request, raw: Buffer): void {
  const ts = req.get('x-timestamp') ?? '';
  const sig = req.get('x-signature') ?? '';
  if (!/^\d{9,11}$/.test(ts))
    throw new AppError('WEBHOOK_REJECTED', 'missing or malformed X-Timestamp (unix seconds)');
  if (!/^[0-9a-f]{64}$/i.test(sig))
    throw new AppError('WEBHOOK_REJECTED', 'missing or malformed X-Signature (hex HMAC-SHA256)');
  const expected = Buffer.from(sign(deps.secret ?? '', ts, raw), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex')))
    throw new AppError('WEBHOOK_REJECTED', 'bad signature');
  const age = Math.abs((deps.now ?? Date.now)() / 1000 - Number(ts));
  if (age > TOLERANCE_S)
    throw new AppError(
      'WEBHOOK_REJECTED',
      `stale timestamp (${Math.round(age)} s old; at most ${TOLERANCE_S} s)`,
    );
}
