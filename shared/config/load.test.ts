import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSalesProcessConfig } from './load';

const GOOD = readFileSync(path.join(__dirname, '../../config/sales-process.yaml'), 'utf8');

describe('the shipped config', () => {
  it('is valid', () => {
    const r = parseSalesProcessConfig(GOOD, 'sales-process.yaml');
    expect(r.ok ? [] : r.problems).toEqual([]);
  });
});
