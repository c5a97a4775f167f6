/**
 * Parse and validate the sales-process config from its text. Pure: the caller reads the file.
 * Every problem names the file, line, column, path and what was expected, so ops can fix the YAML
 * without reading code.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Node,
} from 'yaml';
import type { z } from 'zod';
import { usePatternCompiler } from '../engine/compiled';
import { compileLinearPattern } from './patterns';
import { salesProcessConfigSchema, type SalesProcessConfig } from './schema';

// Wherever a config file is parsed, its patterns are matched in linear time (see ./patterns.ts).
usePatternCompiler(compileLinearPattern);

export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted path into the config, e.g. `stages[2].criteria[0].metric`; `(root)` for the whole file. */
  path: string;
  message: string;
}

export type ConfigResult =
  { ok: true; config: SalesProcessConfig } | { ok: false; problems: ConfigProblem[] };

type PathKey = string | number;

/** The largest config accepted (bytes): the shipped one is ~35 KB; a bigger file is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 1_000_000;
/**
 * The most YAML aliases (`*name`) a config may hold. Each one may expand into a whole subtree, so
 * nested anchors grow exponentially ("billion laughs"); the shipped config uses none.
 */
export const MAX_CONFIG_ALIASES = 100;

export function parseSalesProcessConfig(text: string, file: string): ConfigResult {
  const lineCounter = new LineCounter();
  const at = (offset: number, path: PathKey[], message: string): ConfigProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, path: formatPath(path), message };
  };
  const bytes = byteLength(text);
  if (bytes > MAX_CONFIG_BYTES)
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          path: '(root)',
          message: `the file is ${bytes} bytes; a config may be at most ${MAX_CONFIG_BYTES} bytes`,
        },
      ],
    };
  try {
    return parseText(text, lineCounter, at);
  } catch (e) {
    // The yaml library throws on some inputs (e.g. an alias expansion it judges excessive): report it
    // like every other problem, at the start of the file, instead of letting it escape.
    return { ok: false, problems: [at(0, [], `YAML: ${firstLine((e as Error).message)}`)] };
  }
}

function parseText(
  text: string,
  lineCounter: LineCounter,
  at: (offset: number, path: PathKey[], message: string) => ConfigProblem,
): ConfigResult {
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => at(e.pos[0], [], `YAML syntax: ${firstLine(e.message)}`)),
    };
  }
  if (doc.contents == null) {
    return {
      ok: false,
      problems: [at(0, [], 'the file is empty; expected the sales-process config (stages, buyingStages, …)')],
    };
  }
  if (!isMap(doc.contents)) {
    return {
      ok: false,
      problems: [
        at(
          doc.contents.range?.[0] ?? 0,
          [],
          'expected a mapping of sections (stages:, buyingStages:, …) at the top level',
        ),
      ],
    };
  }

  const aliases: Alias[] = [];
  visit(doc, {
    Alias: (_key, node) => {
      aliases.push(node);
    },
  });
  if (aliases.length > MAX_CONFIG_ALIASES) {
    const extra = aliases[MAX_CONFIG_ALIASES] as Alias;
    return {
      ok: false,
      problems: [
        at(
          extra.range?.[0] ?? 0,
          [],
          `too many YAML aliases (${aliases.length}; at most ${MAX_CONFIG_ALIASES}): write the values out instead of *references`,
        ),
      ],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES });
  } catch (e) {
    // Few aliases that still expand exponentially (anchors of anchors): name the first alias' line.
    return {
      ok: false,
      problems: [
        at(
          aliases[0]?.range?.[0] ?? 0,
          [],
          `YAML aliases expand too much (${firstLine((e as Error).message)}): write the values out instead of *references`,
        ),
      ],
    };
  }
  const parsed = salesProcessConfigSchema.safeParse(data);
  if (parsed.success) return { ok: true, config: parsed.data };

  const problems = parsed.error.issues.flatMap((issue) =>
    describeIssue(issue, data).map(({ path, message }) => {
      const node = locate(doc, path);
      return at(node?.range?.[0] ?? 0, path, message);
    }),
  );
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems };
}

function byteLength(text: string): number {
  // UTF-8 needs 1–3 bytes per UTF-16 unit: skip the count when the answer cannot matter.
  if (text.length > MAX_CONFIG_BYTES || text.length * 3 <= MAX_CONFIG_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/** `file:line:column path: message` — one line per problem, the shape editors and CI annotate. */
export function formatConfigProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.path}: ${p.message}`;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): { path: PathKey[]; message: string }[] {
  const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({
        path: [...path, k],
        message: `unknown key "${k}" (check the spelling; see the comments in config/sales-process.yaml)`,
      }));
    case 'invalid_value':
      return [
        {
          path,
          message: `expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}; got ${describe(value)}`,
        },
      ];
    case 'invalid_type':
      return [
        {
          path,
          message:
            value === undefined
              ? `missing; expected ${article(issue.expected)}`
              : `expected ${article(issue.expected)}; got ${describe(value)}`,
        },
      ];
    case 'too_big':
    case 'too_small': {
      const isCount = issue.origin === 'array' || issue.origin === 'string';
      if (issue.message && !/^Too (big|small)/.test(issue.message))
        return [{ path, message: `${issue.message}; got ${describe(value)}` }];
      const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      const word = issue.code === 'too_big' ? 'at most' : 'at least';
      const what = isCount
        ? `${word} ${String(bound)} ${issue.origin === 'array' ? 'entries' : 'characters'}`
        : `${word} ${String(bound)}`;
      return [
        {
          path,
          message: `must be ${what}; got ${isCount ? `${Array.isArray(value) ? value.length : String(value).length}` : describe(value)}`,
        },
      ];
    }
    case 'invalid_union':
      // A schema may name the alternatives (e.g. the `kind`s of a guidance rule); else stay generic.
      return [
        {
          path,
          message: `${/^Invalid input/.test(issue.message) ? 'not a valid entry here' : issue.message}; got ${describe(value)}`,
        },
      ];
    default:
      return [{ path, message: issue.message }];
  }
}

/** The deepest YAML node on the path (the parent when a key is missing). */
function locate(doc: Document, path: PathKey[]): Node | null {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) return node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof key === 'number') {
      const item: unknown = node.items[key];
      if (item == null) return node;
      node = item;
    } else break;
  }
  return (node as Node | null) ?? null;
}

function valueAt(data: unknown, path: PathKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PathKey, unknown>)[k];
  }
  return v;
}

function formatPath(path: PathKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function article(expected: string): string {
  const word = expected === 'object' ? 'mapping' : expected === 'array' ? 'list' : expected;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
