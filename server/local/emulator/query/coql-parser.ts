/**
 * COQL as Zoho's Query API accepts it (v3–v6 rules, zoho-platform.md §3.5):
 * `select <≤50 columns> from <module> where <criteria> [order by c [asc|desc], …] [limit n [offset m] | limit m, n]`.
 * WHERE is required (older docs; `where id is not null` reads everything). More than two criteria must
 * be grouped in pairs with parentheses, `((A and B) and C)`, as Zoho demands.
 */
import { ZohoError } from '../http/zoho-error';
import type { ColumnRef, CompareOp, CoqlQuery, Filter, Literal, OrderItem } from './ast';
import { syntaxError, tokenize, type Token } from './coql-lexer';

export const COQL_DEFAULT_LIMIT = 200;

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  private get tok(): Token {
    return this.tokens[this.i] as Token;
  }

  private next(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.i += 1;
    return t;
  }

  private fail(t: Token = this.tok): never {
    throw syntaxError(t.pos, t.kind === 'eof' ? (this.tokens[this.i - 1]?.text ?? '') : t.text);
  }

  private isWord(w: string): boolean {
    return this.tok.kind === 'word' && this.tok.lower === w;
  }

  private expectWord(w: string): void {
    if (!this.isWord(w)) this.fail();
    this.next();
  }

  private isPunct(p: string): boolean {
    return this.tok.kind === 'punct' && this.tok.text === p;
  }

  private expectPunct(p: string): void {
    if (!this.isPunct(p)) this.fail();
    this.next();
  }

  parse(): CoqlQuery {
    this.expectWord('select');
    const columns = this.columns();
    this.expectWord('from');
    const m = this.next();
    if (m.kind !== 'word') this.fail(m);
    if (!this.isWord('where')) {
      if (this.tok.kind === 'eof' || this.isWord('order') || this.isWord('limit') || this.isPunct(';')) {
        throw new ZohoError(400, 'SYNTAX_ERROR', 'missing clause', { clause: 'where' });
      }
      this.fail();
    }
    this.next();
    const where = this.expression();
    const orderBy = this.isWord('order') ? this.orderBy() : [];
    const { limit, offset } = this.limit();
    if (this.isPunct(';')) this.next();
    if (this.tok.kind !== 'eof') this.fail();
    return { columns, module: { name: m.text, pos: m.pos }, where, orderBy, limit, offset };
  }

  private column(allowString: boolean): ColumnRef {
    const t = this.next();
    if (t.kind === 'punct' && t.text === '*')
      throw syntaxError(t.pos, '*', 'select * is not supported; name the columns');
    if (!(t.kind === 'word' || (allowString && t.kind === 'string'))) this.fail(t);
    const path = [t.kind === 'string' ? (t.value as string) : t.text];
    if (this.isPunct('.')) {
      this.next();
      const f = this.next();
      if (f.kind !== 'word') this.fail(f);
      path.push(f.text);
    }
    return { path, pos: t.pos };
  }

  private columns(): ColumnRef[] {
    const out = [this.column(true)];
    while (this.isPunct(',')) {
      this.next();
      out.push(this.column(true));
    }
    return out;
  }

  /** A chain at one parenthesis level may hold at most two criteria (Zoho's pairing rule). */
  private expression(): Filter {
    let left = this.term();
    let count = 1;
    while (this.isWord('and') || this.isWord('or')) {
      const conj = this.next();
      count += 1;
      if (count > 2)
        throw syntaxError(
          conj.pos,
          conj.text,
          'more than two criteria must be grouped in pairs with parentheses',
        );
      const right = this.term();
      left = { kind: conj.lower as 'and' | 'or', left, right };
    }
    return left;
  }

  private term(): Filter {
    if (this.isPunct('(')) {
      this.next();
      const inner = this.expression();
      this.expectPunct(')');
      return inner;
    }
    return this.condition();
  }

  private literal(): Literal {
    const t = this.next();
    if (t.kind === 'string') return { kind: 'string', value: t.value as string };
    if (t.kind === 'number') {
      const value = Number(t.text);
      if (!Number.isFinite(value)) this.fail(t);
      return { kind: 'number', value, text: t.text };
    }
    if (t.kind === 'word' && (t.lower === 'true' || t.lower === 'false'))
      return { kind: 'boolean', value: t.lower === 'true' };
    this.fail(t);
  }

  private condition(): Filter {
    const column = this.column(false);
    if (this.isWord('is')) {
      this.next();
      const negated = this.isWord('not');
      if (negated) this.next();
      this.expectWord('null');
      return { kind: 'null', column, negated };
    }
    const negated = this.isWord('not');
    if (negated) this.next();
    if (this.isWord('in')) {
      this.next();
      this.expectPunct('(');
      const values = [this.literal()];
      while (this.isPunct(',')) {
        this.next();
        values.push(this.literal());
      }
      this.expectPunct(')');
      return { kind: 'in', column, negated, values };
    }
    if (this.isWord('like')) {
      this.next();
      const t = this.next();
      if (t.kind !== 'string') this.fail(t);
      return { kind: 'like', column, negated, pattern: t.value as string };
    }
    if (this.isWord('between')) {
      this.next();
      const low = this.literal();
      this.expectWord('and');
      const high = this.literal();
      return { kind: 'between', column, negated, low, high };
    }
    if (negated) this.fail();
    const op = this.next();
    if (op.kind !== 'op') this.fail(op);
    return { kind: 'compare', column, op: op.text as CompareOp, value: this.literal() };
  }

  private orderBy(): OrderItem[] {
    this.expectWord('order');
    this.expectWord('by');
    const items: OrderItem[] = [];
    do {
      if (items.length > 0) this.next();
      const column = this.column(false);
      let descending = false;
      if (this.isWord('asc') || this.isWord('desc')) descending = this.next().lower === 'desc';
      items.push({ column, descending });
    } while (this.isPunct(','));
    return items;
  }

  private integer(): number {
    const t = this.next();
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) {
      throw new ZohoError(400, 'INVALID_QUERY', 'limit given seems to be invalid', { limit: t.text });
    }
    return Number(t.text);
  }

  private limit(): { limit: number; offset: number } {
    let limit = COQL_DEFAULT_LIMIT;
    let offset = 0;
    if (this.isWord('limit')) {
      this.next();
      const first = this.integer();
      if (this.isPunct(',')) {
        this.next();
        offset = first;
        limit = this.integer();
      } else {
        limit = first;
      }
    }
    if (this.isWord('offset')) {
      this.next();
      offset = this.integer();
    }
    return { limit, offset };
  }
}

export function parseCoql(query: string): CoqlQuery {
  return new Parser(tokenize(query)).parse();
}
