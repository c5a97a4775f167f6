import { safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.co.jp/a', 'https://example.co.jp/a'],
    ['www.example.co.jp', 'https://www.example.co.jp/'],
    ['http://x.test', 'http://x.test/'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['https://user:pw@evil.test', null],
    ['', null],
    [42, null],
  ])('%j → %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});
