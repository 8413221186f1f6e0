// The pairing server's store as the server sees it: three repositories of atomic primitives,
// async, served by SQLite (server-store.ts) and by PostgreSQL (db/postgres/). The pairing rules
// (who wins a bind, when a binding lapses, who may release it) are not here: they live once, above
// every store, in server/pairing-rules.ts.
import type { IdentityKind } from '../../protocol/identity.js';

export interface ClientRecord {
  id: string;
  /** SHA-256 of the credential; the credential itself is never stored. */
  credentialHash: Buffer;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionRecord {
  id: string;
  pageId: string;
  clientId: string;
  secretHash: Buffer;
  createdAt: number;
  expiresAt: number;
}

export interface ClientsStore {
  /** Inserts unless the id is taken; false when taken (nothing is written then). */
  tryCreate(id: string, credentialHash: Buffer, now: number): Promise<boolean>;
  find(id: string): Promise<ClientRecord | undefined>;
  /** Sets last_seen to `now` where it is older than `staleBefore`. */
  touch(id: string, now: number, staleBefore: number): Promise<void>;
  count(): Promise<number>;
}

export interface ClaimInput {
  identityHash: string;
  kind: IdentityKind;
  clientId: string;
  now: number;
  /** A row last seen before this counts as absent and may be replaced. */
  cutoff: number;
}

/** A live binding as the takeover rules see it. */
export interface BindingRecord {
  clientId: string;
  createdAt: number;
  /** The client a confirmed takeover moved it from; null when bound afresh. */
  movedFrom: string | null;
}

export interface MoveInput {
  identityHash: string;
  /** The binding the takeover ticket names: its owner and creation time when the ticket was made. */
  fromClientId: string;
  createdAt: number;
  toClientId: string;
  now: number;
  cutoff: number;
}

export interface BindingsStore {
  /** The client holding a live (seen at or after `cutoff`) binding, if any. */
  owner(identityHash: string, cutoff: number): Promise<string | undefined>;
  /**
   * Atomic: inserts the binding when there is none or only a lapsed one. `created` says this call
   * wrote it; otherwise `owner` is who holds it (undefined if it vanished meanwhile).
   */
  claim(input: ClaimInput): Promise<{ created: boolean; owner: string | undefined }>;
  /** Sets last_seen where `clientId` holds a live binding; false when it does not. */
  touch(identityHash: string, clientId: string, now: number, cutoff: number): Promise<boolean>;
  /** Atomic: deletes the binding if `clientId` holds it live; true when it did. */
  deleteOwned(identityHash: string, clientId: string, cutoff: number): Promise<boolean>;
  /** The live binding (seen at or after `cutoff`), if any. */
  find(identityHash: string, cutoff: number): Promise<BindingRecord | undefined>;
  /**
   * Atomic, one conditional UPDATE: gives the binding to `toClientId` (remembering `fromClientId`)
   * only while it is still the live one the ticket names; true when this call moved it.
   */
  move(input: MoveInput): Promise<boolean>;
  /** Deletes every binding last seen before `cutoff`; returns how many. */
  deleteLapsed(cutoff: number): Promise<number>;
  count(): Promise<number>;
}

export interface SessionsStore {
  insert(record: SessionRecord): Promise<void>;
  find(id: string): Promise<SessionRecord | undefined>;
  /** Deletes sessions expired at `now`; returns how many. */
  deleteExpired(now: number): Promise<number>;
}

export interface PairingStore {
  /** 'sqlite' or 'postgres', for logs and tests. */
  readonly kind: 'sqlite' | 'postgres';
  readonly clients: ClientsStore;
  readonly bindings: BindingsStore;
  readonly sessions: SessionsStore;
  /**
   * Creates or upgrades the schema; the server awaits it before it answers. A shared store checks
   * that `identityKey` (server.key) is the key every other node uses (SERVER_KEY_MISMATCH if not).
   */
  open(options?: { identityKey?: Uint8Array }): Promise<void>;
  /** Resolves when the store answers a trivial query; rejects with STORE_UNAVAILABLE otherwise. */
  checkStore(): Promise<void>;
  close(): Promise<void>;
}
