/**
 * The org's users (the dataset's `users`, else one administrator). Records carry users as
 * `{ name, id, email }` in Owner, Created_By and Modified_By, as Zoho returns them.
 */
import type { RecordData } from './record-store';

export const DEFAULT_USER: RecordData = {
  id: '3652397000000186017',
  full_name: '山本 翔太',
  first_name: '翔太',
  last_name: '山本',
  email: 'shota.yamamoto@example.co.jp',
  role: { name: 'CEO', id: '3652397000000026005' },
  profile: { name: 'Administrator', id: '3652397000000026011' },
  status: 'active',
  confirm: true,
  zuid: '60012345678',
  time_zone: 'Asia/Tokyo',
  locale: 'ja_JP',
  language: 'ja',
  country: 'JP',
};

export interface UserRef {
  name: string;
  id: string;
  email: string;
}

export class UserDirectory {
  private byId = new Map<string, RecordData>();

  constructor(private list: RecordData[]) {
    if (this.list.length === 0) this.list = [DEFAULT_USER];
    this.byId = new Map(this.list.map((u) => [String(u.id), u]));
  }

  all(): RecordData[] {
    return this.list;
  }

  /** The user the emulator's OAuth tokens belong to: the first administrator, else the first user. */
  current(): RecordData {
    const admin = this.list.find(
      (u) => (u.profile as { name?: string } | undefined)?.name === 'Administrator',
    );
    return admin ?? (this.list[0] as RecordData);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ref(id: string): UserRef | null {
    const u = this.byId.get(id);
    return u ? { name: String(u.full_name ?? ''), id, email: String(u.email ?? '') } : null;
  }

  currentRef(): UserRef {
    return this.ref(String(this.current().id)) as UserRef;
  }
}
