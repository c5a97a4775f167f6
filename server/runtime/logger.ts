/**
 * pino, the way STYLE §9 says: object first, a constant message, a child logger per run, secrets
 * redacted by path, and — belt and braces — any known secret value masked wherever it appears.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

const REDACT = [
  'access_token',
  'refresh_token',
  'client_secret',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'webhookSecret',
  'authorization',
  '*.access_token',
  '*.refresh_token',
  '*.client_secret',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
  '*.webhookSecret',
  '*.authorization',
  'req.headers.authorization',
  'req.headers["x-signature"]',
  'headers.authorization',
];

export function createLogger(
  o: { level?: string; secrets?: readonly string[]; destination?: DestinationStream } = {},
): Logger {
  const secrets = (o.secrets ?? []).filter((s) => s.length >= 4);
  const mask = (line: string) => secrets.reduce((acc, s) => acc.split(s).join('[REDACTED]'), line);
  const dest = o.destination ?? pino.destination({ fd: 1, sync: false });
  const stream: DestinationStream =
    secrets.length === 0 ? dest : { write: (line: string) => dest.write(mask(line)) };
  return pino(
    {
      level: o.level ?? 'info',
      redact: { paths: REDACT, censor: '[REDACTED]' },
      base: { service: 'esm-sync' },
    },
    stream,
  );
}
