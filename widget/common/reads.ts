/**
 * How a page's reads reach the CRM. Preferably as one batch through the
 * `esm_read_batch` function (shared/crm-read/read-batch.ts): one call for what would be several.
 * When the org has not installed it (or it fails as a whole), the page reads directly, one call per
 * read, for the rest of the session (and, given a memory, later page loads in the same browser tab):
 * slower, never broken. A call that times out is an error, not a fallback: the function may still be
 * running in the CRM, and reading the same again directly would pay for it twice.
 */
import {
  READ_BATCH_FUNCTION,
  chunkReads,
  parseReadBatchOutput,
  readBatchArguments,
  type ReadRequest,
  type ReadResult,
} from '../../shared/crm-read/read-batch';
import type { ZohoRecord } from '../../shared/crm-read/records';
import { isWidgetError, widgetError } from './errors';
import type { CrmGateway, RecordPage } from '../zoho/types';

export type { ReadRequest };
export type ReadBatch = (requests: ReadRequest[]) => Promise<RecordPage[]>;

/** One CRM call per read, all at once. */
export function directReads(crm: CrmGateway): ReadBatch {
  return (requests) =>
    Promise.all(
      requests.map((r) => ('coql' in r ? crm.coql(r.coql) : crm.searchRecords(r.module, r.criteria, r.page))),
    );
}

/** Where a page remembers that the org has no read-batch function (so it does not ask again). */
export interface FallbackMemory {
  isDirect(): boolean;
  rememberDirect(): void;
}

const FALLBACK_KEY = 'esm:read-batch:direct';

/**
 * The browser tab's session storage: the next page load in this tab reads directly at once. Storage
 * a CRM frame blocks (third-party storage rules) is simply not used.
 */
export function sessionFallbackMemory(
  storage: Storage | undefined = globalThis.sessionStorage,
): FallbackMemory {
  return {
    isDirect() {
      try {
        return storage?.getItem(FALLBACK_KEY) === '1';
      } catch {
        return false;
      }
    },
    rememberDirect() {
      try {
        storage?.setItem(FALLBACK_KEY, '1');
      } catch {
        // blocked storage: ask again next time
      }
    },
  };
}

export interface BatchedReads {
  read: ReadBatch;
  /** 'function' while the batch function answers; 'direct' once it did not. */
  mode(): 'function' | 'direct';
}

/**
 * Reads through the batch function, ≤ 10 per call. A call that fails as a whole (function not
 * installed, not a REST function, broken output) switches this session to direct reads and its
 * reads are made directly (the other calls' answers are kept); a read the function ran and the CRM
 * refused fails like a direct read would.
 */
export function batchedReads(crm: CrmGateway, memory?: FallbackMemory): BatchedReads {
  const direct = directReads(crm);
  let mode: 'function' | 'direct' = memory?.isDirect() ? 'direct' : 'function';
  /** One call's results, or null when the call failed as a whole; a timeout is thrown. */
  const viaFunction = async (requests: ReadRequest[]): Promise<ReadResult<ZohoRecord>[] | null> => {
    try {
      const output = await crm.executeFunction(READ_BATCH_FUNCTION, readBatchArguments(requests));
      return parseReadBatchOutput(output, requests.length);
    } catch (e) {
      if (isWidgetError(e) && e.code === 'TIMEOUT') throw e;
      return null;
    }
  };
  const read: ReadBatch = async (requests) => {
    if (mode === 'direct' || requests.length === 0) return direct(requests);
    // ≤ 10 reads and ≤ READ_BATCH_MAX_ROWS rows a call: Zoho's 10 MB answer and 1-minute run.
    const chunks = chunkReads(requests);
    const answers = await Promise.all(chunks.map(viaFunction));
    if (answers.some((a) => a === null)) {
      mode = 'direct';
      memory?.rememberDirect();
    }
    const results = await Promise.all(answers.map((a, k) => a ?? direct(chunks[k] as ReadRequest[])));
    return results.flatMap((a) =>
      a.map((r) => {
        if ('error' in r)
          throw widgetError('CRM_ERROR', `${READ_BATCH_FUNCTION}: ${r.error.code}: ${r.error.message}`);
        return r;
      }),
    );
  };
  return { read, mode: () => mode };
}
