/**
 * The widget preview is served by the service in local mode only (it plays Zoho's widget host
 * against the built-in CRM). Wired here once the preview router exists.
 */
import type express from 'express';
import type { Logger } from 'pino';
import type { LocalCrm } from './local-crm';

export function previewRouters(o: { local: LocalCrm | null; log: Logger }): express.Router[] {
  void o;
  return [];
}
