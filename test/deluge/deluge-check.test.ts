/**
 * The Deluge functions we ask admins to paste into Zoho (config/deluge/) pass the Deluge check, and
 * the check refuses the scripts as they were before issue 12 (test/fixtures/deluge/*.before-issue-12),
 * each for the defect a review against the Deluge reference found.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkDeluge } from './deluge-check';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (...p: string[]) => readFileSync(path.join(ROOT, ...p), 'utf8');
const SCRIPTS = readdirSync(path.join(ROOT, 'config', 'deluge')).filter((f) => f.endsWith('.deluge'));

it('checks every script in config/deluge', () => {
  expect(SCRIPTS.sort()).toEqual([
    'esm_notify_change.deluge',
    'esm_read_batch.deluge',
    'esm_recompute_now.deluge',
  ]);
});

it.each(SCRIPTS)('%s passes the Deluge check', (file) => {
  expect(checkDeluge(read('config', 'deluge', file))).toEqual([]);
});

const old = (name: string) => read('test', 'fixtures', 'deluge', `${name}.before-issue-12.deluge`);
const messages = (src: string) => checkDeluge(src).map((p) => `${p.line}: ${p.message}`);

it('refuses the old esm_notify_change: the ?: operator and a null accountId in the body', () => {
  expect(messages(old('esm_notify_change'))).toEqual([
    expect.stringMatching(/^75: Deluge has no '\?:' operator/),
    expect.stringMatching(/^76: 'accountId' may be null here/),
  ]);
});

it('refuses the old esm_read_batch: `info` as a variable and a JSON POST without content-type', () => {
  expect(messages(old('esm_read_batch'))).toEqual([
    expect.stringMatching(/^81: invokeurl POST with a body must set content-type/),
    expect.stringMatching(/^131: 'info' is a Deluge reserved word/),
  ]);
});

describe('the rules, one at a time', () => {
  const fn = (body: string) => `string standalone.f(String a)\n{\n${body}\n}`;
  const cases: [string, string, RegExp][] = [
    ['an unclosed block', 'if(a == "")\n{\nreturn "x";', /never closed/],
    ['a stray closing bracket', 'x = a.get(1));\nreturn x;', /unbalanced '\)'/],
    ['a ternary', 'x = a == "" ? "y" : "z";\nreturn x;', /no '\?:' operator/],
    ['a reserved word as a variable', 'list = List();\nreturn "";', /'list' is a Deluge reserved word/],
    ['info as a variable', 'info = Map();\nreturn "";', /'info' is a Deluge reserved word/],
    [
      'a reserved loop variable',
      'for each map in a.toJSONList()\n{\ninfo map;\n}\nreturn "";',
      /'map' is a Deluge reserved/,
    ],
    [
      'an unknown task',
      'x = zoho.crm.searchRecords("Accounts","(a:equals:b)");\nreturn "";',
      /zoho\.crm\.searchRecords is not in the allow-list/,
    ],
    ['an unknown method', 'x = a.toUpperCase();\nreturn x;', /\.toUpperCase\(\) is not in the allow-list/],
    ['a wrong arity', 'x = ifnull(a);\nreturn x;', /ifnull\(\) takes 2 arguments, not 1/],
    [
      'an if expression with two arguments',
      'x = if(a == "", "y");\nreturn x;',
      /if\(condition, a, b\) takes 3 arguments, not 2/,
    ],
    ['a literal null map value', 'm = Map();\nm.put("k",null);\nreturn "";', /null map value/],
    ['a missing semicolon', 'if(a == "")\n{\nx = 1\n}\nreturn "";', /missing ';'/],
    [
      'an unknown invokeurl setting',
      'r = invokeurl\n[\nurl :"https://x"\ntype :GET\ntimeout:5\n];\nreturn "";',
      /no 'timeout' setting/,
    ],
    ['an invokeurl without a method', 'r = invokeurl\n[\nurl :"https://x"\n];\nreturn "";', /needs type/],
    ['a reserved argument name', '', /'string' is a Deluge reserved word/],
  ];
  it.each(cases)('%s', (what, body, expected) => {
    const src = what === 'a reserved argument name' ? 'void automation.f(String string)\n{\n}' : fn(body);
    expect(messages(src).join('\n')).toMatch(expected);
  });

  it('accepts the statements and built-ins of the subset', () => {
    const src = fn(
      [
        'm = Map();',
        'm.put("a",if(a == "",1,2));',
        'for each x in a.toJSONList()',
        '{',
        'if(x.toString().trim().length() > 0 && !m.contains("k"))',
        '{',
        'info "x " + x;',
        '}',
        'else if(x == null)',
        '{',
        'm.put("n",ifnull(x,""));',
        '}',
        '}',
        'now = zoho.currenttime.toLong().toString();',
        'r = invokeurl',
        '[',
        'url :"https://x"',
        'type :POST',
        'parameters:m.toString()',
        'content-type:"application/json"',
        'detailed:true',
        '];',
        'return m.toString();',
      ].join('\n'),
    );
    expect(checkDeluge(src)).toEqual([]);
  });
});
