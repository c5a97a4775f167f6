import fc from 'fast-check';
import { isIdText } from './reader';

describe('isIdText is the id pattern /^\\w[\\w-]*$/ without a RegExp', () => {
  const pattern = /^\w[\w-]*$/;
  const idLike = fc.string({
    unit: fc.constantFrom('a', 'Z', '0', '9', '_', '-', ' ', '\n', 'é', '０', '.', '/', '`', '@', '[', '{'),
    maxLength: 8,
  });

  it('agrees on id-like text and on any text', () => {
    fc.assert(
      fc.property(fc.oneof(idLike, fc.string(), fc.string({ unit: 'grapheme' })), (v) => {
        expect(isIdText(v)).toBe(pattern.test(v));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each(['', '-', '-1', '1-', 'a_b-c', '3652397000100000001', 'a\n', '\na', 'ab c', 'ä'])('%j', (v) => {
    expect(isIdText(v)).toBe(pattern.test(v));
  });
});
