/**
 * Faults on demand for resilience tests (`/__emulator/faults`): the next N matching API calls answer 429,
 * 500, `INVALID_TOKEN`, or time out (never answered, or answered after `delayMs`); and per-record
 * failures for chosen ids inside otherwise good write batches. The token endpoint is only matched when
 * a fault's `pathPrefix` names it.
 */
import { z } from 'zod';
import type { RecordFaultSource } from './records/write';

const callFaultSchema = z.strictObject({
  kind: z.enum(['429', '500', 'timeout', 'invalid_token']),
  count: z.number().int().min(1).default(1),
  delayMs: z.number().int().min(0).optional(),
  match: z.strictObject({ method: z.string().optional(), pathPrefix: z.string().optional() }).optional(),
});
const recordFaultSchema = z.strictObject({
  recordFailures: z.strictObject({
    ids: z.array(z.union([z.string(), z.number()])).min(1),
    code: z.string().min(1).default('INVALID_DATA'),
    times: z.number().int().min(1).optional(),
  }),
});
export const faultSpecSchema = z.union([callFaultSchema, recordFaultSchema]);
export type FaultSpec = z.infer<typeof faultSpecSchema>;
export type CallFault = z.infer<typeof callFaultSchema> & { id: number; remaining: number };

interface RecordFault {
  id: number;
  code: string;
  /** Remaining failures per record id (Infinity without `times`). */
  remaining: Map<string, number>;
}

const API_BASE = '/crm/v6';

function matches(f: CallFault, method: string, path: string, isToken: boolean): boolean {
  const prefix = f.match?.pathPrefix;
  if (isToken && !(prefix && path.startsWith(prefix))) return false;
  if (f.match?.method && f.match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (!prefix) return true;
  return (
    path.startsWith(prefix) ||
    (!prefix.startsWith('/crm') && !prefix.startsWith('/oauth') && path.startsWith(API_BASE + prefix))
  );
}

export class FaultRegistry implements RecordFaultSource {
  private calls: CallFault[] = [];
  private records: RecordFault[] = [];
  private seq = 0;

  add(spec: FaultSpec): object {
    this.seq += 1;
    if ('recordFailures' in spec) {
      const { ids, code, times } = spec.recordFailures;
      const remaining = new Map(ids.map((id) => [String(id), times ?? Infinity]));
      this.records.push({ id: this.seq, code, remaining });
      return { id: this.seq, recordFailures: { ids: [...remaining.keys()], code, times: times ?? null } };
    }
    const fault: CallFault = { ...spec, id: this.seq, remaining: spec.count };
    this.calls.push(fault);
    return fault;
  }

  /** The fault the next call consumes, if one matches. */
  take(method: string, path: string, isToken: boolean): CallFault | null {
    const f = this.calls.find((c) => c.remaining > 0 && matches(c, method, path, isToken));
    if (!f) return null;
    f.remaining -= 1;
    this.calls = this.calls.filter((c) => c.remaining > 0);
    return f;
  }

  failureFor(id: string): string | null {
    for (const r of this.records) {
      const left = r.remaining.get(id);
      if (left !== undefined && left > 0) {
        r.remaining.set(id, left - 1);
        return r.code;
      }
    }
    return null;
  }

  list(): object {
    return {
      calls: this.calls,
      recordFailures: this.records.map((r) => ({
        id: r.id,
        code: r.code,
        ids: Object.fromEntries(
          [...r.remaining.entries()].map(([k, v]) => [k, Number.isFinite(v) ? v : null]),
        ),
      })),
    };
  }

  clear(): void {
    this.calls = [];
    this.records = [];
  }
}
