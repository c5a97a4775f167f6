/**
 * Regular expressions that come from the config (`executiveTitles`) run on text any CRM user can
 * set (a contact's Title), so a pattern must never take more than linear time. Two guards:
 *
 * - Wherever a config is parsed (the service, the CLIs, the widget build) patterns are matched with
 *   RE2 (`re2js`: an automaton, linear in the input, no backtracking). A pattern RE2 cannot compile
 *   (lookaround, back-references) is refused by config:check with its file:line.
 * - The widget matches with the browser's own engine (re2js would double its JavaScript budget), so
 *   config:check also refuses the shapes that make a backtracking engine exponential: a repeated
 *   group that itself holds a repeat or alternatives, `(a+)+`, `(\w+\s?)*`, `(a|ab)*`.
 *
 * Either way at most MAX_MATCHED_CHARS characters of the input are matched.
 */
import { RE2JS } from 're2js';

/** A pattern longer than this is a mistake (the shipped ones are ≤ 20 characters). */
export const MAX_PATTERN_CHARS = 200;
/** Only this many characters of a title are matched (Zoho's Title field holds 100). */
export const MAX_MATCHED_CHARS = 256;

export interface TitlePattern {
  test(text: string): boolean;
}

/** Why `pattern` cannot be used, or null. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_CHARS)
    return `a pattern may have at most ${MAX_PATTERN_CHARS} characters; this one has ${pattern.length}`;
  try {
    new RegExp(pattern, 'iu');
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message}`;
  }
  try {
    RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (e) {
    return `not supported by the linear-time matcher (RE2; no lookaround or back-references): ${(e as Error).message}`;
  }
  const nested = nestedRepeat(pattern);
  if (nested)
    return `the group "${nested}" repeats and itself holds a repeat or alternatives: that can take exponential time on some titles; write it without the outer repeat`;
  return null;
}

/** Compile a pattern for linear-time matching (RE2), case-insensitive, on the first MAX_MATCHED_CHARS. */
export function compileLinearPattern(pattern: string): TitlePattern {
  const re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  return {
    test: (text) => re.test(text.length > MAX_MATCHED_CHARS ? text.slice(0, MAX_MATCHED_CHARS) : text),
  };
}

/**
 * The first group that is repeated (`*`, `+`, `{n,}`, `{n,m}` with m ≥ 2) and contains a quantifier
 * or a `|`, as written; null when there is none. A conservative scan of the pattern's text: escapes
 * and character classes are single atoms.
 */
export function nestedRepeat(pattern: string): string | null {
  const open: { at: number; risky: boolean }[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    let closed: { at: number; risky: boolean } | null = null;
    if (c === '\\') i += 2;
    else if (c === '[') {
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '(') {
      open.push({ at: i, risky: false });
      i++;
      continue; // a group's own `(?:` or `(?<name>` is not a quantifier
    } else if (c === ')') {
      closed = open.pop() ?? null;
      i++;
    } else if (c === '|') {
      const top = open[open.length - 1];
      if (top) top.risky = true;
      i++;
      continue;
    } else i++;
    const q = quantifierAt(pattern, i);
    if (q) {
      if (closed?.risky && q.repeats) return pattern.slice(closed.at, i + q.length);
      for (const g of open) g.risky = true; // a quantifier inside makes every enclosing group risky
      i += q.length;
      if (pattern[i] === '?' || pattern[i] === '+') i++; // lazy / possessive marker
    } else if (closed?.risky) {
      const parent = open[open.length - 1];
      if (parent) parent.risky = true;
    }
  }
  return null;
}

/** The quantifier at `i`, and whether it repeats (`*`, `+`, `{n,}`, `{n,m}` m ≥ 2) or not (`?`, `{0,1}`). */
function quantifierAt(pattern: string, i: number): { length: number; repeats: boolean } | null {
  const c = pattern[i];
  if (c === '*' || c === '+') return { length: 1, repeats: true };
  if (c === '?') return { length: 1, repeats: false };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
    if (!m) return null;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    return { length: m[0].length, repeats: max >= 2 };
  }
  return null;
}
