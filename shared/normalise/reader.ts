/**
 * Typed, forgiving reads of one Zoho record (the vendor is untrusted input). A value of the wrong
 * type becomes `null` plus a data issue naming the record and field — never an exception.
 */
import type { DataIssue, Instant, LocalDate, ZohoId } from '../model/types';
import { parseInstant, parseLocalDate } from '../model/time';
import { ISSUE_TEXT, type ExpectedValue } from '../i18n/issues';

type Json = Record<string, unknown>;

export class RecordReader {
  readonly id: ZohoId;

  constructor(
    private readonly record: Json,
    private readonly module: string,
    private readonly issues: DataIssue[],
    private readonly offset: number,
    id: string | null = asId(record.id),
  ) {
    this.id = id as ZohoId;
  }

  /** The record if it is an object with an id, else null (and an issue). */
  static open(
    raw: unknown,
    module: string,
    index: number,
    issues: DataIssue[],
    offset: number,
  ): RecordReader | null {
    if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
      issues.push({ code: 'INVALID_RECORD', message: ISSUE_TEXT.notARecord(module, index) });
      return null;
    }
    const id = asId((raw as Json).id);
    if (id == null) {
      issues.push({ code: 'INVALID_RECORD', message: ISSUE_TEXT.noId(module, index) });
      return null;
    }
    return new RecordReader(raw as Json, module, issues, offset, id);
  }

  has(field: string): boolean {
    const v = this.record[field];
    return v !== undefined && v !== null && v !== '';
  }

  raw(field: string): unknown {
    return this.record[field];
  }

  text(field: string): string | null {
    const v = this.record[field];
    if (v == null || v === '') return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return this.invalid(field, 'text', v);
  }

  number(field: string): number | null {
    const v = this.record[field];
    if (v == null || v === '') return null;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : this.invalid(field, 'number', v);
  }

  /**
   * An integer rating in [min, max] (e.g. Customer_Satisfaction 1–5): a number outside it, or a
   * fraction, is reported and read as null — never counted as a rating.
   */
  rating(field: string, min: number, max: number): number | null {
    const n = this.number(field);
    if (n == null) return null;
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    this.issues.push({
      code: 'INVALID_VALUE',
      message: ISSUE_TEXT.outOfRange(this.module, this.id, field, n, min, max),
      recordId: this.id,
    });
    return null;
  }

  boolean(field: string): boolean | null {
    const v = this.record[field];
    if (v == null || v === '') return null;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    return this.invalid(field, 'boolean', v);
  }

  instant(field: string): Instant | null {
    const v = this.record[field];
    if (v == null || v === '') return null;
    const t = typeof v === 'string' ? parseInstant(v, this.offset) : null;
    return t ?? this.invalid(field, 'datetime', v);
  }

  date(field: string): LocalDate | null {
    const v = this.record[field];
    if (v == null || v === '') return null;
    const d = typeof v === 'string' ? parseLocalDate(v) : null;
    return d ?? this.invalid(field, 'date', v);
  }

  /** A lookup `{ id, name }` (a bare id is accepted too). */
  lookup(field: string): { id: ZohoId; name: string | null } | null {
    const v = this.record[field];
    if (v == null || v === '') return null;
    if (typeof v === 'string' || typeof v === 'number') {
      const id = asId(v);
      return id ? { id: id as ZohoId, name: null } : this.invalid(field, 'lookup', v);
    }
    if (typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Json;
      const id = asId(o.id);
      if (id) return { id: id as ZohoId, name: typeof o.name === 'string' ? o.name : null };
    }
    return this.invalid(field, 'lookup', v);
  }

  /** A picklist value that must be one of `allowed`; others are reported and read as null. */
  picklist<T extends string>(field: string, allowed: readonly T[]): T | null {
    const v = this.text(field);
    if (v == null || v === '-None-') return null;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.issues.push({
      code: 'UNKNOWN_PICKLIST_VALUE',
      message: ISSUE_TEXT.unknownPicklist(this.module, this.id, field, v, allowed),
      recordId: this.id,
    });
    return null;
  }

  /** An array field (subforms, Participants); anything else is reported and read as empty. */
  rows(field: string): Json[] {
    const v = this.record[field];
    if (v == null) return [];
    if (!Array.isArray(v)) return this.invalid(field, 'list', v) ?? [];
    return v.filter((row): row is Json => row != null && typeof row === 'object' && !Array.isArray(row));
  }

  /** A reader over one subform row, reporting against this record. */
  row(row: Json): RecordReader {
    const r = new RecordReader({ ...row, id: this.id }, this.module, this.issues, this.offset);
    return r;
  }

  private invalid(field: string, expected: ExpectedValue, got: unknown): null {
    const shown =
      typeof got === 'string' ? JSON.stringify(got.slice(0, 40)) : Array.isArray(got) ? 'a list' : typeof got;
    this.issues.push({
      code: 'INVALID_VALUE',
      message: ISSUE_TEXT.invalidValue(this.module, this.id, field, expected, shown),
      recordId: this.id,
    });
    return null;
  }
}

function asId(v: unknown): string | null {
  if (typeof v === 'string' && isIdText(v)) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  return null;
}

/**
 * `/^\w[\w-]*$/.test(v)` without a RegExp (every record's id and every lookup's is checked): a
 * letter, digit or underscore, then those or hyphens.
 */
export function isIdText(v: string): boolean {
  if (v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!word && (c !== 45 || i === 0)) return false;
  }
  return true;
}
