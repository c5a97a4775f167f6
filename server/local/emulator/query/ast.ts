/**
 * Filters shared by COQL (`where …`) and the search API (`criteria=…`), compiled to SQL by `sql.ts`.
 */

export interface Pos {
  line: number;
  column: number;
}

/** `Account_Name` or a lookup path one level deep, `Account_Name.Industry`. */
export interface ColumnRef {
  path: string[];
  pos: Pos;
}

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'boolean'; value: boolean };

export type CompareOp = '=' | '!=' | '>' | '<' | '>=' | '<=';

export type Condition =
  | { kind: 'compare'; column: ColumnRef; op: CompareOp; value: Literal }
  | { kind: 'in'; column: ColumnRef; negated: boolean; values: Literal[] }
  | { kind: 'like'; column: ColumnRef; negated: boolean; pattern: string }
  | { kind: 'between'; column: ColumnRef; negated: boolean; low: Literal; high: Literal }
  | { kind: 'null'; column: ColumnRef; negated: boolean };

export type Junction = { kind: 'and' | 'or'; left: Filter; right: Filter };
export type Filter = Condition | Junction;

export function isJunction(f: Filter): f is Junction {
  return f.kind === 'and' || f.kind === 'or';
}

export interface OrderItem {
  column: ColumnRef;
  descending: boolean;
}

export interface CoqlQuery {
  columns: ColumnRef[];
  module: { name: string; pos: Pos };
  where: Filter;
  orderBy: OrderItem[];
  limit: number;
  offset: number;
}

export function countCriteria(f: Filter): number {
  return isJunction(f) ? countCriteria(f.left) + countCriteria(f.right) : 1;
}

export function columnName(c: ColumnRef): string {
  return c.path.join('.');
}
