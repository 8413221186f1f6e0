// The agent's pairing history: "have I paired this phone before?" answered locally
// by the agent's keyed hash of the identity. File `agent.sqlite`, key `history.key`, both 0600.
import { ensureDataDir } from '../data-dir.js';
import {
  maskIdentity,
  type IdentityKind,
  type PhoneIdentity,
  type RawIdentity,
} from '../../protocol/identity.js';
import { identityHash } from '../identity-hash.js';
import { agentMigrations } from '../migrations/agent/index.js';
import type { SqliteDatabase } from '../sqlite.js';
import { openCheckedDatabase } from './checked-open.js';
import { toPairedPhone, type PairedPhone, type PairedPhoneRow } from './paired-phone.js';
import {
  ServerAccountsRepo,
  type ServerAccount,
  type ServerAccountStore,
} from './server-accounts.js';

export const HISTORY_DB_FILE = 'agent.sqlite';
export const HISTORY_KEY_FILE = 'history.key';

export interface RecordPairedInput {
  /** Its `masked` form is the one kept for display; the value only as the store's keyed hash. */
  identity: PhoneIdentity;
  model: string;
  manufacturer: string;
  /** The adb serial the phone has now. */
  serial: string;
}

interface SearchParams {
  text: string;
  masked: string;
  imei: string;
  serial: string;
  android_id: string;
}

export interface HistoryStoreOptions {
  dataDir: string;
  /** Start a new store even though history.key exists (after `tandem doctor --repair`). */
  fresh?: boolean;
  now?: () => number;
}

export class HistoryStore implements ServerAccountStore {
  private readonly statements;
  private readonly accounts: ServerAccountsRepo;

  /**
   * Opens (or creates) the store. A damaged file, or an empty / missing one in a folder whose key
   * shows it held a store, throws DATABASE_CORRUPT instead of silently starting afresh; a folder
   * that refuses writes throws DATABASE_READ_ONLY.
   */
  static open(options: HistoryStoreOptions): HistoryStore {
    const dir = ensureDataDir(options.dataDir);
    const db = openCheckedDatabase(
      dir,
      HISTORY_DB_FILE,
      HISTORY_KEY_FILE,
      agentMigrations,
      options.fresh,
    );
    return new HistoryStore(db.db, db.key, options.now ?? Date.now);
  }

  constructor(
    private readonly db: SqliteDatabase,
    private readonly key: Buffer,
    private readonly now: () => number,
  ) {
    this.accounts = new ServerAccountsRepo(db, now);
    this.statements = {
      find: db.prepare<[string], PairedPhoneRow>(
        'SELECT * FROM paired_phones WHERE identity_hash = ?',
      ),
      list: db.prepare<[], PairedPhoneRow>(
        'SELECT * FROM paired_phones ORDER BY last_seen_at DESC, identity_hash',
      ),
      record: db.prepare<[PairedPhoneRow]>(
        `INSERT INTO paired_phones (identity_hash, identity_kind, identity_masked, model,
           manufacturer, last_serial, first_paired_at, last_seen_at, times_connected)
         VALUES (@identity_hash, @identity_kind, @identity_masked, @model, @manufacturer,
           @last_serial, @first_paired_at, @last_seen_at, @times_connected)
         ON CONFLICT (identity_hash) DO UPDATE SET
           model = excluded.model, manufacturer = excluded.manufacturer,
           last_serial = excluded.last_serial, last_seen_at = excluded.last_seen_at`,
      ),
      touch: db.prepare<[{ now: number; serial: string | null; hash: string }]>(
        `UPDATE paired_phones SET times_connected = times_connected + 1, last_seen_at = @now,
           last_serial = coalesce(@serial, last_serial)
         WHERE identity_hash = @hash`,
      ),
      forget: db.prepare<[string]>('DELETE FROM paired_phones WHERE identity_hash = ?'),
      search: db.prepare<[SearchParams], PairedPhoneRow>(
        `SELECT * FROM paired_phones
         WHERE last_serial = @text OR identity_masked = @masked
           OR identity_hash IN (@imei, @serial, @android_id)
         ORDER BY last_seen_at DESC, identity_hash`,
      ),
    };
  }

  /** The agent's keyed hash of an identity: the only form of it this store keeps. */
  private hashOf(identity: RawIdentity): string {
    return identityHash(this.key, identity);
  }

  /** The phone with this identity, when this computer paired it before. */
  find(identity: RawIdentity): PairedPhone | undefined {
    return this.findByHash(this.hashOf(identity));
  }

  isKnown(identity: RawIdentity): boolean {
    return this.find(identity) !== undefined;
  }

  private findByHash(hash: string): PairedPhone | undefined {
    const row = this.statements.find.get(hash);
    return row && toPairedPhone(row);
  }

  /** Adds the phone, or refreshes model, serial and last seen when it is already known. */
  recordPaired(input: RecordPairedInput): PairedPhone {
    const hash = this.hashOf(input.identity);
    const write = this.db.transaction(() => {
      const now = this.now();
      this.statements.record.run({
        identity_hash: hash,
        identity_kind: input.identity.kind,
        identity_masked: input.identity.masked,
        model: input.model,
        manufacturer: input.manufacturer,
        last_serial: this.keptSerial(hash, input.serial),
        first_paired_at: now,
        last_seen_at: now,
        times_connected: 0,
      });
      return this.statements.find.get(hash)!;
    });
    return toPairedPhone(write());
  }

  /** Counts one more connection; undefined when the phone is not in the history. */
  touch(identity: RawIdentity, serial?: string): PairedPhone | undefined {
    const hash = this.hashOf(identity);
    const { changes } = this.statements.touch.run({
      now: this.now(),
      serial: serial === undefined ? null : this.keptSerial(hash, serial),
      hash,
    });
    return changes > 0 ? this.findByHash(hash) : undefined;
  }

  /**
   * The adb serial of a USB phone is its hardware serial: when that is the phone's identity (kind
   * `serial`), keeping it in clear would undo the keyed hash, so only its masked form is kept.
   */
  private keptSerial(hash: string, serial: string): string {
    return this.hashOf({ kind: 'serial', value: serial }) === hash ? maskIdentity(serial) : serial;
  }

  list(): PairedPhone[] {
    return this.statements.list.all().map(toPairedPhone);
  }

  /** Removes a phone, named by its record's `identityHash`. */
  forget(hash: string): boolean {
    return this.statements.forget.run(hash).changes > 0;
  }

  /**
   * Phones matching what a person typed: an adb serial, a masked identity (`****1234` or just
   * `1234`), or a full identity (matched through its hash; the typed text is not kept).
   */
  findBySerialOrMasked(text: string): PairedPhone[] {
    const trimmed = text.trim();
    if (trimmed === '') return [];
    // Only `****1234` or `1234` is a masked form; a longer text must not match by its last four.
    const masked = /^\*{4}.{1,4}$/.test(trimmed)
      ? trimmed
      : trimmed.length <= 4
        ? maskIdentity(trimmed)
        : '';
    const hash = (kind: IdentityKind): string => this.hashOf({ kind, value: trimmed });
    const params: SearchParams = {
      text: trimmed,
      masked,
      imei: hash('imei'),
      serial: hash('serial'),
      android_id: hash('android_id'),
    };
    return this.statements.search.all(params).map(toPairedPhone);
  }

  getServerAccount(serverUrl: string): ServerAccount | undefined {
    return this.accounts.getServerAccount(serverUrl);
  }

  saveServerAccount(account: Omit<ServerAccount, 'createdAt'>): ServerAccount {
    return this.accounts.saveServerAccount(account);
  }

  deleteServerAccount(serverUrl: string): boolean {
    return this.accounts.deleteServerAccount(serverUrl);
  }

  /** How many paired phones and server accounts the store holds (for its health check). */
  counts(): { pairedPhones: number; serverAccounts: number } {
    const count = (table: string) =>
      (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { pairedPhones: count('paired_phones'), serverAccounts: count('server_accounts') };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
