import { foldForSearch, searchAccounts } from './search';

const accounts = [
  { id: '1', name: '北斗ホールディングス株式会社', reading: 'ホクトホールディングス' },
  { id: '2', name: '北斗物流株式会社', reading: 'ほくとぶつりゅう' },
  { id: '3', name: '株式会社ＡＢＣ商事', reading: null },
  { id: '4', name: '白鷺重工業株式会社', reading: 'シラサギジュウコウギョウ' },
];

describe('foldForSearch', () => {
  it.each([
    ['ホクト', 'ほくと'],
    ['ﾎｸﾄ', 'ほくと'],
    ['ＡＢＣ', 'abc'],
    ['北斗 物流・株式会社', '北斗物流'],
    ['(株)白鷺', '白鷺'],
  ])('%s → %s', (input, out) => expect(foldForSearch(input)).toBe(out));
});

describe('searchAccounts', () => {
  const ids = (q: string) => searchAccounts(accounts, q).map((a) => a.id);
  it('finds by name, by reading in hiragana or katakana, by full- or half-width letters', () => {
    expect(ids('北斗')).toEqual(['1', '2']);
    expect(ids('ほくと')).toEqual(['1', '2']);
    expect(ids('ホクトブツ')).toEqual(['2']);
    expect(ids('しらさぎ')).toEqual(['4']);
    expect(ids('abc')).toEqual(['3']);
  });
  it('puts names that start with the query first', () => {
    expect(ids('ぶつりゅう')).toEqual(['2']);
    expect(ids('物流')).toEqual(['2']);
    expect(searchAccounts([{ name: 'X北斗', reading: null }, ...accounts], '北斗')[0]?.name).toBe(
      '北斗ホールディングス株式会社',
    );
  });
  it('finds nothing for an empty query or a legal form alone, and stops at the limit', () => {
    expect(ids('')).toEqual([]);
    expect(ids('株式会社')).toEqual([]);
    expect(searchAccounts(accounts, '北斗', 1)).toHaveLength(1);
  });
});
