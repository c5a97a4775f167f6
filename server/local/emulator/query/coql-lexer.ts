/**
 * COQL tokens with their line and column (1-based), so syntax errors can point where Zoho does:
 * `{ code: "SYNTAX_ERROR", details: { line, column, near } }`.
 */
import { ZohoError } from '../http/zoho-error';
import type { Pos } from './ast';

export type TokenKind = 'word' | 'string' | 'number' | 'punct' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Words lower-cased in `lower`; `text` as written. */
  text: string;
  lower: string;
  pos: Pos;
  /** String literals: the unescaped value. */
  value?: string;
}

export function syntaxError(pos: Pos, near: string, message = 'unexpected token'): ZohoError {
  return new ZohoError(400, 'SYNTAX_ERROR', message, { line: pos.line, column: pos.column, near });
}

const WORD_START = /[A-Za-z_$]/;
const WORD = /[A-Za-z0-9_$]/;

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (at: number): Pos => ({ line, column: at - lineStart + 1 });
  const push = (kind: TokenKind, text: string, at: number, value?: string) =>
    tokens.push({
      kind,
      text,
      lower: text.toLowerCase(),
      pos: pos(at),
      ...(value === undefined ? {} : { value }),
    });

  while (i < query.length) {
    const ch = query.charAt(i);
    if (ch === '\n') {
      i += 1;
      line += 1;
      lineStart = i;
      continue;
    }
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    if (WORD_START.test(ch)) {
      while (i < query.length && WORD.test(query.charAt(i))) i += 1;
      push('word', query.slice(start, i), start);
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(query.charAt(i + 1)))) {
      i += 1;
      while (i < query.length && /[0-9.]/.test(query.charAt(i))) i += 1;
      push('number', query.slice(start, i), start);
    } else if (ch === "'" || ch === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= query.length)
          throw syntaxError(pos(start), query.slice(start, start + 20), 'unterminated string');
        const c = query.charAt(i);
        if (c === '\\' && i + 1 < query.length) {
          value += query.charAt(i + 1);
          i += 2;
        } else if (c === ch && query.charAt(i + 1) === ch) {
          value += ch;
          i += 2;
        } else if (c === ch) {
          i += 1;
          break;
        } else {
          value += c;
          i += 1;
        }
      }
      push('string', query.slice(start, i), start, value);
    } else if ('(),.*;'.includes(ch)) {
      i += 1;
      push('punct', ch, start);
    } else if ('=!<>'.includes(ch)) {
      const two = query.slice(i, i + 2);
      const op = ['!=', '<>', '>=', '<='].includes(two) ? two : ch;
      if (op === '!') throw syntaxError(pos(start), '!');
      i += op.length;
      push('op', op === '<>' ? '!=' : op, start);
    } else {
      throw syntaxError(pos(start), ch);
    }
  }
  tokens.push({ kind: 'eof', text: '', lower: '', pos: pos(i) });
  return tokens;
}
