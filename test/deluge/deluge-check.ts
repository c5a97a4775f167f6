/**
 * A check of the Deluge subset our functions use (config/deluge/*.deluge), so a script that would not
 * save in Zoho's editor fails `npm test` instead of the first day of an install. It is a lint, not
 * Deluge: it knows the statements we write and refuses everything else.
 *
 * Sources (Deluge help, zoho.com/deluge/help):
 * - reserved words "restricted for use as variables": keywords.html (bool, collection, date, false,
 *   for each, else, float, from, if, ifnull, in, int, is, list, map, null, permissions, portal, reload,
 *   return, string, thisapp, true, void, zoho); `info` is the logging statement (`info <expr>;`).
 * - no `?:` operator: operators page; the expression form is `if(cond, a, b)`
 *   (conditional-statements/condition.html).
 * - invokeurl keys: url, type, parameters, headers, content-type, connection, detailed, files,
 *   response-format (deluge-invoke-url.html). Our own rule on top: a POST/PUT/PATCH with a body says
 *   its content-type (the default is form-urlencoded or text/plain, and our bodies are JSON).
 * - built-in tasks and functions: the allow-list below, each with the arities the reference gives.
 */

export interface DelugeProblem {
  line: number;
  message: string;
}

type Kind = 'ident' | 'string' | 'number' | 'op';
interface Token {
  kind: Kind;
  value: string;
  line: number;
}

/** Reserved words (keywords.html) plus the statement keywords we must not assign to. */
export const RESERVED = new Set([
  'bool',
  'collection',
  'date',
  'each',
  'else',
  'false',
  'float',
  'for',
  'from',
  'if',
  'ifnull',
  'in',
  'info',
  'int',
  'invokeurl',
  'is',
  'list',
  'map',
  'null',
  'permissions',
  'portal',
  'reload',
  'return',
  'string',
  'thisapp',
  'true',
  'void',
  'zoho',
]);

/** Integration tasks, by dotted name: [min, max] arguments (Deluge help for each task). */
export const TASKS = new Map<string, [number, number]>([
  ['zoho.crm.getOrgVariable', [1, 1]],
  ['zoho.crm.getRecordById', [2, 4]],
  ['zoho.encryption.hmacsha256', [3, 3]],
]);

/** Built-in functions called without a receiver. */
export const FUNCTIONS = new Map<string, [number, number]>([
  ['ifnull', [2, 2]],
  /** The conditional if as an expression: `if(cond, whenTrue, whenFalse)`. */
  ['if', [3, 3]],
  ['Map', [0, 0]],
  ['List', [0, 0]],
]);

/** Built-in functions called on a value (`x.get(k)`). */
export const METHODS = new Map<string, [number, number]>([
  ['get', [1, 1]],
  ['put', [2, 2]],
  ['add', [1, 1]],
  ['contains', [1, 1]],
  ['size', [0, 0]],
  ['toString', [0, 0]],
  ['toLong', [0, 0]],
  ['toMap', [0, 0]],
  ['toJSONList', [0, 0]],
  ['trim', [0, 0]],
  ['toLowerCase', [0, 0]],
  ['length', [0, 0]],
  ['subString', [1, 2]],
  ['indexOf', [1, 1]],
  ['startsWith', [1, 1]],
  ['getPrefix', [1, 1]],
]);

/** Properties read without a call (`zoho.currenttime`). */
const PROPERTIES = new Set(['zoho.currenttime']);

const INVOKEURL_KEYS = new Set([
  'url',
  'type',
  'parameters',
  'headers',
  'content-type',
  'connection',
  'detailed',
  'files',
  'response-format',
]);
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const RETURN_TYPES = new Set(['void', 'string', 'map', 'list', 'int', 'bool', 'decimal']);
const PARAM_TYPES = new Set(['String', 'string', 'Int', 'int', 'Map', 'map', 'List', 'list', 'Bool', 'bool']);

const TWO_CHAR_OPS = ['==', '!=', '<=', '>=', '&&', '||'];

function tokenize(src: string, problems: DelugeProblem[]): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      for (let k = i; k < stop; k++) if (src[k] === '\n') line++;
      if (end < 0) problems.push({ line, message: 'unterminated /* comment' });
      i = stop;
    } else if (c === '"' || c === "'") {
      const start = line;
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') j++;
        else if (src[j] === '\n') line++;
        j++;
      }
      if (j >= src.length) problems.push({ line: start, message: 'unterminated string' });
      out.push({ kind: 'string', value: src.slice(i, j + 1), line: start });
      i = j + 1;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ kind: 'number', value: m[0], line });
      i += m[0].length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ kind: 'ident', value: m[0], line });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      const op = TWO_CHAR_OPS.includes(two) ? two : c;
      out.push({ kind: 'op', value: op, line });
      i += op.length;
    }
  }
  return out;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE = new Set([')', ']', '}']);

/** Index of the bracket closing the one at `open` (or -1). */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const v = (tokens[k] as Token).kind === 'op' ? (tokens[k] as Token).value : '';
    if (v in OPEN) depth++;
    else if (CLOSE.has(v) && --depth === 0) return k;
  }
  return -1;
}

/** The arguments between `(` at `open` and its match, split at top-level commas. */
function argumentsOf(tokens: Token[], open: number): Token[][] {
  const end = closing(tokens, open);
  if (end < 0) return [];
  const args: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let k = open + 1; k < end; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'op' && t.value in OPEN) depth++;
    if (t.kind === 'op' && CLOSE.has(t.value)) depth--;
    if (depth === 0 && t.kind === 'op' && t.value === ',') {
      args.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0 || args.length > 0) args.push(current);
  return args;
}

const isOp = (t: Token | undefined, v: string) => t !== undefined && t.kind === 'op' && t.value === v;
const isIdent = (t: Token | undefined, v?: string) =>
  t !== undefined && t.kind === 'ident' && (v === undefined || t.value === v);

/** Check one script; an empty list means it passes. */
export function checkDeluge(src: string): DelugeProblem[] {
  const problems: DelugeProblem[] = [];
  const tokens = tokenize(src, problems);
  const report = (t: Token | undefined, message: string) => problems.push({ line: t?.line ?? 0, message });

  // 1. Balanced blocks.
  const stack: Token[] = [];
  for (const t of tokens) {
    if (t.kind !== 'op') continue;
    if (t.value in OPEN) stack.push(t);
    else if (CLOSE.has(t.value)) {
      const open = stack.pop();
      if (!open || OPEN[open.value] !== t.value) report(t, `unbalanced '${t.value}'`);
    }
  }
  for (const open of stack) report(open, `'${open.value}' is never closed`);
  if (problems.length > 0) return problems;

  // 2. The header: <type> <category>.<name>(<Type> <arg>, …) { … } and nothing after.
  const [ret, category, dot, name, paren] = tokens;
  if (
    !isIdent(ret) ||
    !RETURN_TYPES.has((ret as Token).value) ||
    !isIdent(category) ||
    !isOp(dot, '.') ||
    !isIdent(name) ||
    !isOp(paren, '(')
  ) {
    report(tokens[0], 'a function starts with <return type> <category>.<name>(…)');
    return problems;
  }
  const paramsEnd = closing(tokens, 4);
  for (const p of argumentsOf(tokens, 4)) {
    const [type, arg] = p;
    if (p.length !== 2 || !isIdent(type) || !PARAM_TYPES.has((type as Token).value) || !isIdent(arg))
      report(p[0] ?? paren, 'an argument is declared as <Type> <name>');
    else if (RESERVED.has((arg as Token).value))
      report(arg, `'${(arg as Token).value}' is a Deluge reserved word, not an argument name`);
  }
  const bodyOpen = paramsEnd + 1;
  if (!isOp(tokens[bodyOpen], '{')) {
    report(tokens[bodyOpen], "the function's body is a { … } block");
    return problems;
  }
  if (closing(tokens, bodyOpen) !== tokens.length - 1)
    report(tokens[closing(tokens, bodyOpen) + 1], 'text after the function body');

  const openerOf = new Map<number, number>();
  const opens: number[] = [];
  tokens.forEach((x, j) => {
    if (isOp(x, '{')) opens.push(j);
    else if (isOp(x, '}')) openerOf.set(j, opens.pop() ?? 0);
  });
  const nullVars = new Set<string>();
  for (let k = bodyOpen + 1; k < tokens.length - 1; k++) {
    const t = tokens[k] as Token;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const statementStart = isOp(prev, ';') || isOp(prev, '{') || isOp(prev, '}');

    if (isOp(t, '?')) report(t, "Deluge has no '?:' operator: use if(condition, a, b)");

    // Assignments at the start of a statement: `name = …;`.
    if (t.kind === 'ident' && statementStart && isOp(next, '=')) {
      if (RESERVED.has(t.value))
        report(t, `'${t.value}' is a Deluge reserved word or statement and cannot be a variable`);
      if (isIdent(tokens[k + 2], 'null') && isOp(tokens[k + 3], ';')) nullVars.add(t.value);
    }
    if (isIdent(t, 'each') && isIdent(prev, 'for')) {
      if (!isIdent(next) || !isIdent(tokens[k + 2], 'in')) report(t, 'for each <name> in <list>');
      else if (RESERVED.has((next as Token).value))
        report(next, `'${(next as Token).value}' is a Deluge reserved word and cannot be a variable`);
    }
    if (isIdent(t, 'for') && !isIdent(next, 'each')) report(t, "Deluge loops are 'for each x in list'");

    // A statement that ends at a block's closing brace must have ended with ';' first (a map or
    // list literal's brace follows a value: `(`, `,`, `=` or `:` come before its opening brace).
    if (isOp(t, '}') && prev && !isOp(prev, ';') && !isOp(prev, '{') && !isOp(prev, '}')) {
      const before = tokens[(openerOf.get(k) ?? 0) - 1];
      const literal = ['(', ',', '=', ':'].some((v) => isOp(before, v));
      if (!literal) report(prev, "missing ';' at the end of a statement");
    }

    if (isIdent(t, 'invokeurl')) checkInvokeUrl(tokens, k, report);

    // Calls: tasks (zoho.…), functions, methods.
    if (t.kind === 'ident' && isOp(next, '(')) {
      const arity = argumentsOf(tokens, k + 1).length;
      const within = (range: [number, number] | undefined, what: string) => {
        if (!range) return report(t, `${what} is not in the allow-list of documented Deluge built-ins`);
        if (arity < range[0] || arity > range[1])
          report(
            t,
            `${what} takes ${range[0]}${range[1] > range[0] ? `–${range[1]}` : ''} arguments, not ${arity}`,
          );
      };
      if (isOp(prev, '.')) {
        const chain = dottedChain(tokens, k);
        const receiver = chain.split('.').slice(0, -1).join('.');
        if (TASKS.has(chain)) within(TASKS.get(chain), chain);
        else if (chain.startsWith('zoho.') && !PROPERTIES.has(receiver)) within(undefined, chain);
        else within(METHODS.get(t.value), `.${t.value}()`);
        if (t.value === 'put' && arity === 2) {
          const value = argumentsOf(tokens, k + 1)[1] ?? [];
          const only = value[0];
          if (value.length === 1 && only?.kind === 'ident' && nullVars.has(only.value))
            report(
              only,
              `'${only.value}' may be null here: a null map value is not sent reliably; use ifnull(${only.value}, "")`,
            );
          if (value.length === 1 && isIdent(only, 'null'))
            report(only, 'a null map value is not sent reliably; put "" or leave the key out');
        }
      } else if (t.value === 'if') {
        // `if (…) {` is the statement; anywhere else it is the conditional-if expression.
        const end = closing(tokens, k + 1);
        const statement = (statementStart || isIdent(prev, 'else')) && isOp(tokens[end + 1], '{');
        if (!statement) within(FUNCTIONS.get('if'), 'if(condition, a, b)');
      } else within(FUNCTIONS.get(t.value), `${t.value}()`);
    }

    // Dotted reads that are not calls must be known properties (zoho.currenttime).
    if (isIdent(t, 'zoho') && !isOp(prev, '.')) {
      const chain = dottedChain(tokens, k, true);
      const last = tokens[k + chain.split('.').length * 2 - 1];
      if (!isOp(last, '(') && !PROPERTIES.has(chain)) report(t, `${chain} is not a documented property`);
    }
  }
  return problems;
}

/** `a.b.c` ending at (backwards) or starting at (forwards) token k. */
function dottedChain(tokens: Token[], k: number, forwards = false): string {
  const parts: string[] = [(tokens[k] as Token).value];
  if (forwards) {
    for (let j = k + 1; isOp(tokens[j], '.') && isIdent(tokens[j + 1]); j += 2)
      parts.push((tokens[j + 1] as Token).value);
    // Stop before a method call on the property (zoho.currenttime.toLong()).
    const joined = parts.join('.');
    for (let n = parts.length; n > 1; n--) {
      const head = parts.slice(0, n).join('.');
      if (PROPERTIES.has(head) || TASKS.has(head)) return head;
    }
    return joined;
  }
  for (let j = k - 1; isOp(tokens[j], '.') && isIdent(tokens[j - 1]); j -= 2)
    parts.unshift((tokens[j - 1] as Token).value);
  return parts.join('.');
}

function checkInvokeUrl(
  tokens: Token[],
  k: number,
  report: (t: Token | undefined, message: string) => void,
): void {
  const t = tokens[k] as Token;
  if (!isOp(tokens[k - 1], '=')) report(t, 'invokeurl is used as <variable> = invokeurl [ … ];');
  if (!isOp(tokens[k + 1], '[')) return report(t, 'invokeurl takes its settings in [ … ]');
  const end = closing(tokens, k + 1);
  if (!isOp(tokens[end + 1], ';')) report(tokens[end], "missing ';' after invokeurl [ … ]");
  const keys = new Map<string, Token[]>();
  let current: string | null = null;
  for (let j = k + 2; j < end; j++) {
    // A key: name or name-name, then ':'.
    const a = tokens[j];
    if (isIdent(a) && isOp(tokens[j + 1], '-') && isIdent(tokens[j + 2]) && isOp(tokens[j + 3], ':')) {
      current = `${(a as Token).value}-${(tokens[j + 2] as Token).value}`;
      keys.set(current, []);
      j += 3;
    } else if (isIdent(a) && isOp(tokens[j + 1], ':')) {
      current = (a as Token).value;
      keys.set(current, []);
      j += 1;
    } else if (current === null) report(a, 'invokeurl [ key: value … ]');
    else (keys.get(current) as Token[]).push(a as Token);
  }
  for (const key of keys.keys()) if (!INVOKEURL_KEYS.has(key)) report(t, `invokeurl has no '${key}' setting`);
  const type = keys.get('type');
  if (!keys.has('url')) report(t, 'invokeurl needs url');
  if (!type || type.length !== 1 || !HTTP_METHODS.has((type[0] as Token).value))
    report(t, 'invokeurl needs type: GET, POST, PUT, PATCH or DELETE');
  else if (
    ['POST', 'PUT', 'PATCH'].includes((type[0] as Token).value) &&
    keys.has('parameters') &&
    !keys.has('content-type')
  )
    report(
      t,
      `invokeurl ${(type[0] as Token).value} with a body must set content-type (the default is form-urlencoded or text/plain)`,
    );
}
