/**
 * Zoho-style record ids: 19-digit numeric strings under one org prefix, one block per module so an
 * id stays the same when another module gains records (e.g. more stage history for another asOf).
 */
const ORG_PREFIX = 4876876000000n;
const BLOCK = 100_000n;

export const ID_BLOCKS = {
  users: 0,
  Accounts: 1,
  Contacts: 2,
  Deals: 3,
  Tasks: 4,
  Events: 5,
  Calls: 6,
  Account_Plans: 7,
  subformRows: 8,
  Relationship_Stage_History: 9,
  ESM_Snapshots: 10,
} as const;

export type IdBlock = keyof typeof ID_BLOCKS;

export class IdAllocator {
  private readonly counters = new Map<IdBlock, bigint>();

  next(block: IdBlock): string {
    const n = (this.counters.get(block) ?? 0n) + 1n;
    if (n >= BLOCK) throw new Error(`demo id block ${block} is full`);
    this.counters.set(block, n);
    return (ORG_PREFIX * 1_000_000n + BigInt(ID_BLOCKS[block]) * BLOCK + n).toString();
  }
}
