/**
 * Fictional Japanese contact names (family + given, with romaji for e-mail addresses), drawn
 * without repeats so no two demo contacts share a full name. The sellers' family names are left
 * out so a contact is never confused with a rep.
 */
import type { Rng } from './prng';

const FAMILY: readonly [string, string][] = [
  ['佐々木', 'sasaki'],
  ['山口', 'yamaguchi'],
  ['松本', 'matsumoto'],
  ['井上', 'inoue'],
  ['木村', 'kimura'],
  ['林', 'hayashi'],
  ['清水', 'shimizu'],
  ['山崎', 'yamazaki'],
  ['森', 'mori'],
  ['池田', 'ikeda'],
  ['橋本', 'hashimoto'],
  ['阿部', 'abe'],
  ['石川', 'ishikawa'],
  ['山下', 'yamashita'],
  ['中島', 'nakajima'],
  ['石井', 'ishii'],
  ['小川', 'ogawa'],
  ['前田', 'maeda'],
  ['岡田', 'okada'],
  ['長谷川', 'hasegawa'],
  ['藤田', 'fujita'],
  ['後藤', 'goto'],
  ['近藤', 'kondo'],
  ['村上', 'murakami'],
  ['遠藤', 'endo'],
  ['青木', 'aoki'],
  ['坂本', 'sakamoto'],
  ['斉藤', 'saito'],
  ['福田', 'fukuda'],
  ['太田', 'ota'],
  ['西村', 'nishimura'],
  ['藤井', 'fujii'],
  ['岡本', 'okamoto'],
  ['松田', 'matsuda'],
  ['中川', 'nakagawa'],
  ['中野', 'nakano'],
  ['原田', 'harada'],
  ['小野', 'ono'],
  ['田村', 'tamura'],
  ['竹内', 'takeuchi'],
  ['金子', 'kaneko'],
  ['和田', 'wada'],
  ['中山', 'nakayama'],
  ['石田', 'ishida'],
  ['上田', 'ueda'],
  ['森田', 'morita'],
  ['柴田', 'shibata'],
  ['酒井', 'sakai'],
  ['工藤', 'kudo'],
  ['横山', 'yokoyama'],
  ['宮崎', 'miyazaki'],
  ['宮本', 'miyamoto'],
  ['内田', 'uchida'],
  ['高木', 'takagi'],
  ['安藤', 'ando'],
  ['谷口', 'taniguchi'],
  ['丸山', 'maruyama'],
  ['今井', 'imai'],
  ['河野', 'kawano'],
  ['藤原', 'fujiwara'],
];

const GIVEN: readonly [string, string][] = [
  ['大樹', 'daiki'],
  ['拓也', 'takuya'],
  ['直樹', 'naoki'],
  ['和也', 'kazuya'],
  ['健太', 'kenta'],
  ['翔', 'sho'],
  ['亮', 'ryo'],
  ['浩', 'hiroshi'],
  ['隆', 'takashi'],
  ['誠一', 'seiichi'],
  ['修', 'osamu'],
  ['徹', 'toru'],
  ['哲也', 'tetsuya'],
  ['博之', 'hiroyuki'],
  ['雅人', 'masato'],
  ['智子', 'tomoko'],
  ['裕子', 'yuko'],
  ['恵', 'megumi'],
  ['真由美', 'mayumi'],
  ['由美', 'yumi'],
  ['美穂', 'miho'],
  ['香織', 'kaori'],
  ['麻衣', 'mai'],
  ['彩花', 'ayaka'],
  ['千尋', 'chihiro'],
  ['陽子', 'yoko'],
  ['聡', 'satoshi'],
  ['剛', 'tsuyoshi'],
  ['正樹', 'masaki'],
  ['義男', 'yoshio'],
  ['和子', 'kazuko'],
  ['明美', 'akemi'],
  ['悠斗', 'yuto'],
  ['蓮', 'ren'],
  ['結衣', 'yui'],
  ['光太郎', 'kotaro'],
  ['俊介', 'shunsuke'],
  ['奈緒', 'nao'],
  ['康弘', 'yasuhiro'],
  ['理恵', 'rie'],
];

export interface PersonName {
  last: string;
  first: string;
  /** `given.family` for e-mail addresses. */
  handle: string;
}

export class NamePicker {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  next(): PersonName {
    for (;;) {
      const [last, lastRomaji] = this.rng.pick(FAMILY);
      const [first, firstRomaji] = this.rng.pick(GIVEN);
      const key = `${last}${first}`;
      if (this.used.has(key)) continue;
      this.used.add(key);
      return { last, first, handle: `${firstRomaji}.${lastRomaji}` };
    }
  }
}
