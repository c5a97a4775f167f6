/**
 * Finding an account by name or reading (furigana): both sides are folded the same way — Unicode
 * NFKC (full-width letters and digits, half-width kana), lower case, katakana as hiragana, no spaces
 * or middle dots, and no legal-form words (株式会社, (株), Co., Ltd.) — then matched as a substring.
 */
import type { PortfolioAccount } from './model';

const LEGAL_FORMS = /株式会社|有限会社|合同会社|\(株\)|\(有\)|㈱|co\.,?|ltd\.?|inc\.?|corporation/gu;

export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(LEGAL_FORMS, '')
    .replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\s・･·.,、。_-]/gu, '');
}

/**
 * Accounts whose name or reading contains the query, names that start with it first, then in the
 * given order; at most `limit`. An empty query finds nothing.
 */
export function searchAccounts<A extends Pick<PortfolioAccount, 'name' | 'reading'>>(
  accounts: readonly A[],
  query: string,
  limit = 20,
): A[] {
  const q = foldForSearch(query);
  if (q === '') return [];
  const starts: A[] = [];
  const contains: A[] = [];
  for (const a of accounts) {
    const name = foldForSearch(a.name);
    const reading = a.reading ? foldForSearch(a.reading) : '';
    if (name.startsWith(q) || reading.startsWith(q)) starts.push(a);
    else if (name.includes(q) || reading.includes(q)) contains.push(a);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}
