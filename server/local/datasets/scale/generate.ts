/**
 * Scale data (issue 3): `accounts` generated accounts with realistic ratios — ≈5 contacts, 3 deals,
 * 30 activities and ≈1 account plan each — dated over the 18 months before `asOf`, deterministic for a
 * seed. Records are handed to `emit` one at a time (the emulator inserts them in batches; the CLI
 * streams them to a file), so nothing holds the whole dataset.
 */
import type { RecordData } from '../../emulator/store/record-store';
import type { UserRef } from '../../emulator/store/users';
import { parseOffset } from '../../emulator/time';
import { generateAccount } from './account';
import { GenContext, type Emit } from './context';
import { Rng } from './rng';
import type { ScaleVocabulary } from './vocabulary';

export interface GenerateOptions {
  accounts: number;
  seed: string;
  asOfMs: number;
  /** Names, words and kinds to write with (a plug-in: server/local/plugins/scale-vocabulary.ts). */
  vocabulary: ScaleVocabulary;
  /** Called every `progressEvery` accounts (default 1,000). */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

const USER_COUNT = 20;
const ROMAJI_USERS = [
  'yamamoto',
  'sato',
  'suzuki',
  'takahashi',
  'tanaka',
  'ito',
  'watanabe',
  'nakamura',
  'kobayashi',
  'kato',
];

/** The org's users: an administrator and 19 sales reps (dataset `users`, as GET users returns them). */
export function generateUsers(seed: string, vocabulary: ScaleVocabulary): RecordData[] {
  const rng = new Rng(`${seed}:users`);
  return Array.from({ length: USER_COUNT }, (_, i) => {
    const last = rng.pick(vocabulary.words.familyNames);
    const first = rng.pick(vocabulary.words.givenNames);
    const admin = i === 0;
    return {
      id: (3652397000000186017n + BigInt(i * 1000)).toString(),
      full_name: `${last} ${first}`,
      first_name: first,
      last_name: last,
      email: `${ROMAJI_USERS[i % ROMAJI_USERS.length]}${i + 1}@example.co.jp`,
      role: admin
        ? { name: 'CEO', id: '3652397000000026005' }
        : {
            name: i < 4 ? 'Manager' : 'Sales Rep',
            id: i < 4 ? '3652397000000026006' : '3652397000000026007',
          },
      profile: admin
        ? { name: 'Administrator', id: '3652397000000026011' }
        : { name: 'Standard', id: '3652397000000026014' },
      status: 'active',
      confirm: true,
      zuid: String(60012345678 + i),
      time_zone: 'Asia/Tokyo',
      locale: 'ja_JP',
      language: 'ja',
      country: 'JP',
    };
  });
}

export function userRefs(users: RecordData[]): UserRef[] {
  return users.map((u) => ({ name: String(u.full_name), id: String(u.id), email: String(u.email) }));
}

export function generateScaleData(opts: GenerateOptions, users: RecordData[], emit: Emit): void {
  const ctx = new GenContext(
    opts.vocabulary,
    opts.seed,
    opts.asOfMs,
    parseOffset(opts.vocabulary.utcOffset),
    userRefs(users).slice(1),
  );
  const every = opts.progressEvery ?? 1000;
  for (let i = 0; i < opts.accounts; i += 1) {
    generateAccount(ctx, i, emit);
    if (opts.onProgress && ((i + 1) % every === 0 || i + 1 === opts.accounts))
      opts.onProgress(i + 1, opts.accounts);
  }
}
