/**
 * `npm run preview`: the widget preview alone (until `npm start` mounts it): the demo org in the
 * local Zoho CRM, and http://127.0.0.1:3000/preview/ hosting the built widget.
 */
import { readEnv } from '../../env';
import { startPreviewServer } from '../widget-host/dev-server';
import { useUtc } from '../../runtime/utc';

async function main(): Promise<void> {
  useUtc();
  const env = readEnv();
  const preview = await startPreviewServer({
    port: env.port,
    emulatorPort: process.env.EMULATOR_PORT ? env.emulatorPort : 0,
    sync: true,
  });
  process.stdout.write(
    `local Zoho CRM (emulator): ${preview.emulator.url}\nwidget preview:            ${preview.previewUrl}\nmanager's web tab:         ${preview.previewUrl}portfolio\n`,
  );
  const stop = () => {
    preview.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`preview failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
