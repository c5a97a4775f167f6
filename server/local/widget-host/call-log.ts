/**
 * CRM calls per widget page load, as the host saw them: the shim tags each SDK call with the id of
 * its page load, so the budget script can read "calls per account page load" (DESIGN §9).
 */
export interface LoadRecord {
  loadId: string;
  calls: { op: string; status: number; ms: number }[];
}

export class CallLog {
  private loads = new Map<string, LoadRecord>();

  constructor(private readonly keep = 200) {}

  record(loadId: string, op: string, status: number, ms: number): void {
    let load = this.loads.get(loadId);
    if (!load) {
      load = { loadId, calls: [] };
      this.loads.set(loadId, load);
      if (this.loads.size > this.keep) this.loads.delete(this.loads.keys().next().value as string);
    }
    load.calls.push({ op, status, ms });
  }

  get(loadId: string): LoadRecord {
    return this.loads.get(loadId) ?? { loadId, calls: [] };
  }
}
