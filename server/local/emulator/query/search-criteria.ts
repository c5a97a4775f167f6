/**
 * The search API's `criteria` parameter: `(Field:operator:value)` groups joined by `and`/`or`, nested
 * with parentheses, e.g. `((Last_Name:equals:Burns)and(First_Name:starts_with:B))`. `\(`, `\)`, `\,`
 * escape inside values; `in` and `between` take comma-separated values. At most 10 criteria (v2 doc).
 */
import { ZohoError } from '../http/zoho-error';
import { countCriteria, type ColumnRef, type Condition, type Filter, type Literal } from './ast';

const invalidCriteria = (reason: string) =>
  new ZohoError(400, 'INVALID_QUERY', 'Invalid query formed', { reason, param_name: 'criteria' });

const OPERATORS = [
  'equals',
  'not_equal',
  'starts_with',
  'in',
  'not_in',
  'greater_than',
  'greater_equal',
  'less_than',
  'less_equal',
  'between',
];

class CriteriaParser {
  private i = 0;

  constructor(private readonly s: string) {}

  parse(): Filter {
    const f = this.expr();
    if (this.i !== this.s.length) throw invalidCriteria(`unexpected text at ${this.i + 1}`);
    return f;
  }

  private skipSpaces(): void {
    while (this.s.charAt(this.i) === ' ') this.i += 1;
  }

  private expr(): Filter {
    let left = this.group();
    for (;;) {
      this.skipSpaces();
      const rest = this.s.slice(this.i).toLowerCase();
      const conj = rest.startsWith('and') ? 'and' : rest.startsWith('or') ? 'or' : null;
      if (!conj) return left;
      this.i += conj.length;
      this.skipSpaces();
      left = { kind: conj, left, right: this.group() };
    }
  }

  private group(): Filter {
    this.skipSpaces();
    if (this.s.charAt(this.i) !== '(') throw invalidCriteria(`expected ( at ${this.i + 1}`);
    this.i += 1;
    this.skipSpaces();
    if (this.s.charAt(this.i) === '(') {
      const inner = this.expr();
      this.skipSpaces();
      if (this.s.charAt(this.i) !== ')') throw invalidCriteria(`expected ) at ${this.i + 1}`);
      this.i += 1;
      return inner;
    }
    const start = this.i;
    let body = '';
    while (this.i < this.s.length && this.s.charAt(this.i) !== ')') {
      if (this.s.charAt(this.i) === '\\' && this.i + 1 < this.s.length) {
        body += `\\${this.s.charAt(this.i + 1)}`;
        this.i += 2;
      } else {
        body += this.s.charAt(this.i);
        this.i += 1;
      }
    }
    if (this.s.charAt(this.i) !== ')') throw invalidCriteria('unbalanced parentheses');
    this.i += 1;
    return condition(body, start + 1);
  }
}

function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (ch === '\\' && i + 1 < text.length) {
      cur += text.charAt(i + 1);
      i += 1;
    } else if (ch === sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

function condition(body: string, column: number): Condition {
  const first = body.indexOf(':');
  const second = first < 0 ? -1 : body.indexOf(':', first + 1);
  if (first < 0 || second < 0) throw invalidCriteria(`expected field:operator:value in (${body})`);
  const field = body.slice(0, first).trim();
  const op = body
    .slice(first + 1, second)
    .trim()
    .toLowerCase();
  const raw = body.slice(second + 1);
  if (!OPERATORS.includes(op)) throw invalidCriteria(`unsupported operator ${op}`);
  const col: ColumnRef = { path: field.split('.').slice(0, 2), pos: { line: 1, column } };
  const lit = (v: string): Literal & { kind: 'string' } => ({ kind: 'string', value: v });
  const one = () => lit(splitUnescaped(raw, '\u0000').join(''));
  switch (op) {
    case 'equals':
      return { kind: 'compare', column: col, op: '=', value: one() };
    case 'not_equal':
      return { kind: 'compare', column: col, op: '!=', value: one() };
    case 'greater_than':
      return { kind: 'compare', column: col, op: '>', value: one() };
    case 'greater_equal':
      return { kind: 'compare', column: col, op: '>=', value: one() };
    case 'less_than':
      return { kind: 'compare', column: col, op: '<', value: one() };
    case 'less_equal':
      return { kind: 'compare', column: col, op: '<=', value: one() };
    case 'starts_with':
      return { kind: 'like', column: col, negated: false, pattern: `${one().value.replace(/[%_]/g, '')}%` };
    case 'in':
    case 'not_in':
      return { kind: 'in', column: col, negated: op === 'not_in', values: splitUnescaped(raw, ',').map(lit) };
    default: {
      const [low, high, ...extra] = splitUnescaped(raw, ',');
      if (low === undefined || high === undefined || extra.length > 0)
        throw invalidCriteria('between takes two values');
      return { kind: 'between', column: col, negated: false, low: lit(low), high: lit(high) };
    }
  }
}

export function parseSearchCriteria(text: string): Filter {
  const f = new CriteriaParser(text.trim()).parse();
  if (countCriteria(f) > 10)
    throw new ZohoError(400, 'LIMIT_EXCEEDED', 'limit exceeded', { param_name: 'criteria', limit: 10 });
  return f;
}
