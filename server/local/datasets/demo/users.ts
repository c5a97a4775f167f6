/**
 * The seller's CRM users (DESIGN §3 `users`), shaped as Zoho's users API returns them: a sales
 * director (the org administrator, whose token the service uses), an enterprise-sales manager,
 * three field reps and one inside-sales rep.
 */
import type { ZohoRecord } from '../../../../shared/crm-read/records';
import type { DemoClock } from './clock';

export type UserKey = 'takahashi' | 'watanabe' | 'sato' | 'suzuki' | 'tanaka' | 'ito';

interface UserSpec {
  key: UserKey;
  last: string;
  first: string;
  romaji: [first: string, last: string];
  role: RoleKey;
  profile: 'Administrator' | 'Standard';
  reportsTo: UserKey | null;
}

type RoleKey = 'director' | 'manager' | 'field' | 'inside';

const ROLES: Record<RoleKey, { name: string; id: string }> = {
  director: { name: '営業本部長', id: '4876876000000026001' },
  manager: { name: 'エンタープライズ営業部長', id: '4876876000000026002' },
  field: { name: 'フィールドセールス', id: '4876876000000026003' },
  inside: { name: 'インサイドセールス', id: '4876876000000026004' },
};

const PROFILES = {
  Administrator: { name: 'Administrator', id: '4876876000000026011' },
  Standard: { name: 'Standard', id: '4876876000000026014' },
} as const;

const USERS: readonly UserSpec[] = [
  {
    key: 'takahashi',
    last: '高橋',
    first: '誠',
    romaji: ['makoto', 'takahashi'],
    role: 'director',
    profile: 'Administrator',
    reportsTo: null,
  },
  {
    key: 'watanabe',
    last: '渡辺',
    first: '浩二',
    romaji: ['koji', 'watanabe'],
    role: 'manager',
    profile: 'Standard',
    reportsTo: 'takahashi',
  },
  {
    key: 'sato',
    last: '佐藤',
    first: '健一',
    romaji: ['kenichi', 'sato'],
    role: 'field',
    profile: 'Standard',
    reportsTo: 'watanabe',
  },
  {
    key: 'suzuki',
    last: '鈴木',
    first: '美咲',
    romaji: ['misaki', 'suzuki'],
    role: 'field',
    profile: 'Standard',
    reportsTo: 'watanabe',
  },
  {
    key: 'tanaka',
    last: '田中',
    first: '大輔',
    romaji: ['daisuke', 'tanaka'],
    role: 'field',
    profile: 'Standard',
    reportsTo: 'watanabe',
  },
  {
    key: 'ito',
    last: '伊藤',
    first: '彩',
    romaji: ['aya', 'ito'],
    role: 'inside',
    profile: 'Standard',
    reportsTo: 'watanabe',
  },
];

const USER_DOMAIN = 'mirai-data.example.co.jp';

/** `{ id, name, email }`: how records carry a user in Owner, Created_By and Modified_By. */
export interface UserRef {
  id: string;
  name: string;
  email: string;
}

export class DemoUsers {
  private readonly refs = new Map<UserKey, UserRef>();

  constructor() {
    USERS.forEach((u, i) => {
      this.refs.set(u.key, {
        id: (4876876000000090001n + BigInt(i)).toString(),
        name: `${u.last} ${u.first}`,
        email: `${u.romaji[0]}.${u.romaji[1]}@${USER_DOMAIN}`,
      });
    });
  }

  ref(key: UserKey): UserRef {
    const r = this.refs.get(key);
    if (!r) throw new Error(`unknown demo user ${key}`);
    return { ...r };
  }

  /** The administrator the service authenticates as: it writes the stage fields and history. */
  service(): UserRef {
    return this.ref('takahashi');
  }

  /** The `users` array of the dataset. */
  records(clock: DemoClock): ZohoRecord[] {
    return USERS.map((u, i) => {
      const ref = this.ref(u.key);
      const created = clock.iso(clock.at(1200 - i * 30, 10));
      const boss = u.reportsTo ? this.ref(u.reportsTo) : null;
      return {
        id: ref.id,
        full_name: ref.name,
        first_name: u.first,
        last_name: u.last,
        email: ref.email,
        role: ROLES[u.role],
        profile: PROFILES[u.profile],
        status: 'active',
        confirm: true,
        zuid: String(70045001 + i),
        time_zone: 'Asia/Tokyo',
        locale: 'ja_JP',
        language: 'ja',
        country: 'JP',
        Reporting_To: boss ? { name: boss.name, id: boss.id } : null,
        created_time: created,
        Modified_Time: created,
      };
    });
  }
}
