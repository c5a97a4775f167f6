/**
 * Filters and column references compiled to SQLite over the `records` table. Columns resolve against
 * the module's metadata (INVALID_QUERY for unknown ones); lookup paths join the target record by id.
 * System columns use the indexed integer columns, lookups the indexed `json_extract(data,'$.F.id')`, so
 * keyset paging (`Modified_Time >= … and id > … order by Modified_Time, id`) is an index range scan.
 */
import { ZohoError } from '../http/zoho-error';
import type { FieldDef, ModuleDef } from '../metadata/types';
import type { Org } from '../org';
import { linkExpr } from '../store/db';
import { isValidDate, normaliseDateTime, parseDateTime } from '../time';
import {
  columnName,
  isJunction,
  type ColumnRef,
  type Condition,
  type Filter,
  type Literal,
  type OrderItem,
} from './ast';

export type Clause = 'select' | 'where' | 'order by';
export type ColumnKind = 'id' | 'created' | 'modified' | 'se_module' | 'field';

export interface Resolved {
  key: string;
  kind: ColumnKind;
  field: FieldDef | null;
  /** `r` for the module's own record, `jN` for a joined lookup target. */
  alias: string;
}

const ORDERED = new Set(['integer', 'bigint', 'double', 'currency', 'percent', 'date', 'datetime']);
const TEXTUAL = new Set(['text', 'email', 'phone', 'website', 'picklist']);
const NOT_IN_CRITERIA = new Set(['textarea', 'subform', 'participants']);

const invalidColumn = (c: ColumnRef, clause: Clause) =>
  new ZohoError(400, 'INVALID_QUERY', 'column given seems to be invalid', {
    column_name: columnName(c),
    clause,
  });
const invalidValue = (c: ColumnRef, op: string) =>
  new ZohoError(400, 'INVALID_QUERY', 'value given seems to be invalid for the column', {
    column_name: columnName(c),
    operator: op,
  });
const invalidOperator = (c: ColumnRef, op: string) =>
  new ZohoError(400, 'INVALID_QUERY', 'Invalid query formed', {
    reason: 'invalid operator found',
    column_name: columnName(c),
    operator: op,
  });

function findField(module: ModuleDef, name: string): FieldDef | undefined {
  return (
    module.fields.find((f) => f.apiName === name) ??
    module.fields.find((f) => f.apiName.toLowerCase() === name.toLowerCase())
  );
}

export class SqlBuilder {
  readonly params: unknown[] = [];
  private joins = new Map<string, string>();

  constructor(
    private readonly org: Org,
    readonly module: ModuleDef,
  ) {}

  joinSql(): string {
    return [...this.joins.entries()]
      .map(([field, alias]) => `LEFT JOIN records ${alias} ON ${alias}.id = ${linkExpr('r', field)}`)
      .join(' ');
  }

  joinAliases(): string[] {
    return [...this.joins.values()];
  }

  private resolveIn(
    module: ModuleDef | null,
    name: string,
    alias: string,
    c: ColumnRef,
    clause: Clause,
  ): Omit<Resolved, 'key'> {
    const lower = name.toLowerCase();
    if (lower === 'id') return { kind: 'id', field: null, alias };
    if (lower === 'created_time') return { kind: 'created', field: null, alias };
    if (lower === 'modified_time') return { kind: 'modified', field: null, alias };
    if (lower === '$se_module') return { kind: 'se_module', field: null, alias };
    const candidates = module
      ? [module]
      : this.org.catalog
          .whatIdModules()
          .map((m) => this.org.catalog.module(m))
          .filter((m): m is ModuleDef => !!m);
    for (const m of candidates) {
      const f = findField(m, name);
      if (f) return { kind: 'field', field: f, alias };
    }
    throw invalidColumn(c, clause);
  }

  resolve(c: ColumnRef, clause: Clause): Resolved {
    const key = columnName(c);
    const [head, tail] = c.path as [string, string | undefined];
    const first = this.resolveIn(this.module, head, 'r', c, clause);
    if (tail === undefined) return { key, ...first };
    const f = first.field;
    if (!f || (f.dataType !== 'lookup' && f.dataType !== 'ownerlookup')) throw invalidColumn(c, clause);
    if (tail.toLowerCase() === 'id') return { key, ...first };
    if (f.dataType === 'ownerlookup') throw invalidColumn(c, clause);
    const target = f.lookup === 'se_module' ? null : (this.org.catalog.module(f.lookup ?? '') ?? null);
    let alias = this.joins.get(f.apiName);
    if (!alias) {
      alias = `j${this.joins.size + 1}`;
      this.joins.set(f.apiName, alias);
    }
    return { key, ...this.resolveIn(target, tail, alias, c, clause) };
  }

  expr(r: Resolved): string {
    switch (r.kind) {
      case 'id':
        return `${r.alias}.id`;
      case 'created':
        return `${r.alias}.created_ms`;
      case 'modified':
        return `${r.alias}.modified_ms`;
      case 'se_module':
        return `json_extract(${r.alias}.data, '$."$se_module"')`;
      case 'field': {
        const f = r.field as FieldDef;
        return f.dataType === 'lookup' || f.dataType === 'ownerlookup'
          ? linkExpr(r.alias, f.apiName)
          : `json_extract(${r.alias}.data, '$.${f.apiName}')`;
      }
    }
  }

  /** A literal as the SQL value the column's storage compares with. */
  private bind(r: Resolved, c: ColumnRef, op: string, lit: Literal): unknown {
    const text = lit.kind === 'string' ? lit.value : lit.kind === 'number' ? lit.text : String(lit.value);
    const type = r.kind === 'field' ? (r.field as FieldDef).dataType : r.kind;
    switch (type) {
      case 'id':
        if (!/^\d{1,19}$/.test(text)) throw invalidValue(c, op);
        return BigInt(text);
      case 'created':
      case 'modified': {
        const ms = parseDateTime(text);
        if (ms === null) throw invalidValue(c, op);
        return ms;
      }
      case 'datetime': {
        const v = normaliseDateTime(text, this.org.tz);
        if (v === null) throw invalidValue(c, op);
        return v;
      }
      case 'date':
        if (!isValidDate(text)) throw invalidValue(c, op);
        return text;
      case 'integer':
      case 'bigint':
      case 'double':
      case 'currency':
      case 'percent': {
        const n = Number(text);
        if (text.trim() === '' || !Number.isFinite(n)) throw invalidValue(c, op);
        return n;
      }
      case 'boolean':
        if (text !== 'true' && text !== 'false') throw invalidValue(c, op);
        return text === 'true' ? 1 : 0;
      default:
        return text;
    }
  }

  private param(v: unknown): string {
    this.params.push(v);
    return '?';
  }

  private condition(cond: Condition): string {
    const r = this.resolve(cond.column, 'where');
    const type = r.kind === 'field' ? (r.field as FieldDef).dataType : r.kind;
    if (NOT_IN_CRITERIA.has(type)) {
      throw new ZohoError(400, 'INVALID_QUERY', 'unsupported column in criteria', {
        column_name: columnName(cond.column),
      });
    }
    const ordered = ORDERED.has(type) || type === 'id' || type === 'created' || type === 'modified';
    const e = this.expr(r);
    const multi = type === 'multiselectpicklist';
    const member = (op: string, values: Literal[]) =>
      `EXISTS (SELECT 1 FROM json_each(${r.alias}.data, '$.${r.field?.apiName}') WHERE value IN (${values.map((v) => this.param(this.bind(r, cond.column, op, v))).join(', ')}))`;
    switch (cond.kind) {
      case 'null':
        return multi
          ? `${cond.negated ? '' : 'NOT '}(${e} IS NOT NULL AND json_array_length(${e}) > 0)`
          : `${e} IS ${cond.negated ? 'NOT ' : ''}NULL`;
      case 'compare': {
        if (!ordered && !['=', '!='].includes(cond.op)) throw invalidOperator(cond.column, cond.op);
        if (multi) return `${cond.op === '!=' ? 'NOT ' : ''}${member(cond.op, [cond.value])}`;
        return `${e} ${cond.op} ${this.param(this.bind(r, cond.column, cond.op, cond.value))}`;
      }
      case 'in': {
        const op = cond.negated ? 'not in' : 'in';
        if (cond.values.length > 50)
          throw new ZohoError(400, 'LIMIT_EXCEEDED', 'limit exceeded', {
            column_name: columnName(cond.column),
            operator: op,
            limit: 50,
          });
        if (type === 'boolean') throw invalidOperator(cond.column, op);
        if (multi) return `${cond.negated ? 'NOT ' : ''}${member(op, cond.values)}`;
        return `${e} ${cond.negated ? 'NOT IN' : 'IN'} (${cond.values.map((v) => this.param(this.bind(r, cond.column, op, v))).join(', ')})`;
      }
      case 'like': {
        const op = cond.negated ? 'not like' : 'like';
        if (!TEXTUAL.has(type)) throw invalidOperator(cond.column, op);
        return `${e} ${cond.negated ? 'NOT LIKE' : 'LIKE'} ${this.param(cond.pattern)}`;
      }
      case 'between': {
        if (!ordered) throw invalidOperator(cond.column, 'between');
        const low = this.param(this.bind(r, cond.column, 'between', cond.low));
        const high = this.param(this.bind(r, cond.column, 'between', cond.high));
        return `${e} ${cond.negated ? 'NOT BETWEEN' : 'BETWEEN'} ${low} AND ${high}`;
      }
    }
  }

  filter(f: Filter): string {
    if (isJunction(f)) return `(${this.filter(f.left)} ${f.kind.toUpperCase()} ${this.filter(f.right)})`;
    return this.condition(f);
  }

  /**
   * A redundant range term on an indexed system column (Modified_Time, Created_Time, id) that the filter
   * implies, e.g. keyset paging `((Modified_Time > t) or (Modified_Time = t and id > y))` implies
   * `Modified_Time >= t`: with it SQLite range-scans the index instead of reading every earlier row on
   * each page. Empty when the filter implies no bound.
   */
  rangeHint(f: Filter): string {
    const terms: string[] = [];
    for (const kind of ['modified', 'created', 'id'] as const) {
      const bound = this.lowerBound(f, kind);
      if (bound !== null) terms.push(`r.${kind === 'id' ? 'id' : `${kind}_ms`} >= ${this.param(bound)}`);
    }
    return terms.map((t) => ` AND ${t}`).join('');
  }

  private lowerBound(f: Filter, kind: 'modified' | 'created' | 'id'): number | bigint | null {
    if (isJunction(f)) {
      const a = this.lowerBound(f.left, kind);
      const b = this.lowerBound(f.right, kind);
      if (f.kind === 'or') return a === null || b === null ? null : a < b ? a : b;
      return a === null ? b : b === null ? a : a > b ? a : b;
    }
    if (f.column.path.length !== 1 || ('negated' in f && f.negated)) return null;
    const r = this.resolve(f.column, 'where');
    if (r.kind !== kind) return null;
    const lit =
      f.kind === 'compare' && ['>', '>=', '='].includes(f.op) ? f.value : f.kind === 'between' ? f.low : null;
    return lit ? (this.bind(r, f.column, '>=', lit) as number | bigint) : null;
  }

  /** ORDER BY with `id` as the final tie-break so pages are stable. */
  order(items: OrderItem[]): string {
    const parts = items.map((o) => {
      const r = this.resolve(o.column, 'order by');
      return {
        sql: `${this.expr(r)} ${o.descending ? 'DESC' : 'ASC'}`,
        isId: r.kind === 'id' && r.alias === 'r',
      };
    });
    if (!parts.some((p) => p.isId)) parts.push({ sql: 'r.id ASC', isId: true });
    return parts.map((p) => p.sql).join(', ');
  }
}
