import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { DbError } from './db-error.js';
import type { Migration } from './migration.js';
import { agentMigrations } from './migrations/agent/index.js';
import { serverMigrations } from './migrations/server/index.js';
import { migrate, schemaVersion } from './migrator.js';
import { openDatabase } from './sqlite.js';

const isDbError = (code: string) => (e: unknown) => e instanceof DbError && e.code === code;

describe('migrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-migrate-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, migrations] of [
    ['agent', agentMigrations],
    ['server', serverMigrations],
  ] as const) {
    it(`${name}: apply once, then are a no-op`, () => {
      const file = join(dir, `${name}.sqlite`);
      const db = openDatabase(file, migrations);
      assert.equal(schemaVersion(db), migrations.length);
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
      db.close();
      const again = new Database(file);
      assert.deepEqual(migrate(again, migrations), {
        from: migrations.length,
        to: migrations.length,
        applied: [],
      });
      const strict = again
        .prepare<[], { name: string; strict: number }>(
          "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
        )
        .all();
      assert.ok(strict.length >= 2);
      for (const table of strict) assert.equal(table.strict, 1, `${table.name} is STRICT`);
      again.close();
    });
  }

  it('STRICT tables refuse a value of the wrong type', () => {
    const db = openDatabase(join(dir, 'strict.sqlite'), agentMigrations);
    const insert = db.prepare(
      `INSERT INTO paired_phones VALUES (?, 'imei', '****7518', 'm', 'x', 's', ?, 1, 0)`,
    );
    assert.throws(
      () => insert.run('a'.repeat(64), 'not a number'),
      /cannot store TEXT value in INTEGER/,
    );
    db.close();
  });

  it('rolls a failing migration back and keeps the earlier version', () => {
    const db = new Database(join(dir, 'failing.sqlite'));
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (a INTEGER) STRICT') },
      {
        version: 2,
        name: 'two',
        up: (d) => {
          d.exec('CREATE TABLE two (a INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    assert.throws(() => migrate(db, steps), isDbError('MIGRATION_FAILED'));
    assert.equal(schemaVersion(db), 1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    assert.deepEqual(tables, ['one']);
    db.close();
  });

  it('refuses a database newer than the code and a gap in the numbering', () => {
    const db = new Database(join(dir, 'newer.sqlite'));
    db.pragma('user_version = 9');
    assert.throws(() => migrate(db, agentMigrations), isDbError('DB_SCHEMA_TOO_NEW'));
    const gap: Migration[] = [{ version: 2, name: 'two', up: () => {} }];
    assert.throws(() => migrate(db, gap), isDbError('MIGRATIONS_INVALID'));
    db.close();
  });
});
