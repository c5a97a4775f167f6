/**
 * The widget renders CRM text through Preact's text nodes only: no source file under widget/ (and
 * the preview host page) may use a raw-HTML or code sink. A new one needs a reason and a review,
 * not a quiet merge — this test is where that conversation starts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SINKS = [
  /dangerouslySetInnerHTML/,
  /\.innerHTML\s*=/,
  /\.outerHTML\s*=/,
  /insertAdjacentHTML/,
  /document\.write/,
  /\beval\s*\(/,
  /new Function\s*\(/,
  /createContextualFragment/,
  /srcdoc/i,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx|html)$/.test(e.name) &&
      !/\.test\.tsx?$/.test(e.name) &&
      !p.includes(`${path.sep}testing${path.sep}`)
      ? [p]
      : [];
  });
}

it.each([['widget'], [path.join('server', 'local', 'widget-host')]])(
  '%s/ has no raw-HTML or code sink',
  (dir) => {
    const found = sources(path.join(ROOT, dir)).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          SINKS.some((s) => s.test(line)) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  },
);
