import type { CodeSection } from './entry.js';

/** OS60xx diff, migrations and the ledger. */
export const migrateCodes = {
  OS6001: {
    severity: 'warning',
    title: 'Possible field rename',
    explanation:
      'A field was dropped and a new one with the same type and attributes was added to the same object. Without a hint this is a drop and an add: every value of the old column is lost.',
    example: 'fields:\n  full_name: { type: text }   # was: name: { type: text }\n',
    fix: 'If the field was renamed, add `renamedFrom: <old name>` to the new field; the migration then renames the column and keeps its data.',
  },
  OS6002: {
    severity: 'warning',
    title: 'Possible object rename',
    explanation:
      'An object was dropped and a new one with the same columns was added. Without a hint this drops the old table with all its rows and creates an empty one.',
    example: 'objects:\n  - name: client   # was: customer, same fields\n',
    fix: 'If the object was renamed, declare its previous name with `renamedFrom` so the migration renames the table.',
  },
  OS6003: {
    severity: 'warning',
    title: 'renamedFrom names nothing to rename',
    explanation:
      'A field declares `renamedFrom`, but the schema it is compared with has neither the old nor the new column, so the field is added as new. The hint is probably stale or misspelt.',
    example: 'fields:\n  full_name: { type: text, renamedFrom: nmae }\n',
    fix: 'Correct the old name, or remove `renamedFrom` once every database has been migrated past the rename.',
  },
  OS6010: {
    severity: 'error',
    title: 'Snapshot cannot be read',
    explanation: 'The snapshot file to diff from is missing, is not JSON, or does not match the snapshot format (version 1).',
    example: 'objectstack diff --from generated/missing.json',
    fix: 'Run `objectstack build` to write generated/snapshot.json, or point --from at a snapshot file, a SQLite file or a postgres:// URL.',
  },
  OS6011: {
    severity: 'error',
    title: 'Database cannot be opened',
    explanation: 'The database given with --from or --database could not be reached or opened, so its schema cannot be read or changed.',
    example: 'objectstack migrate apply --database postgres://postgres@127.0.0.1:5433/app',
    fix: 'Check the URL or file path, that the server is running and that the user may connect.',
  },
  OS6020: {
    severity: 'error',
    title: 'Destructive or data-dependent step refused',
    explanation:
      'A pending migration drops data or may fail on existing rows (NOT NULL without a default, a new unique index, a narrowing type change, a removed select option). Such steps never run by accident, and nothing asks interactively, so CI cannot hang.',
    example: 'objectstack migrate apply   # a migration drops column "account"."fax"',
    fix: 'Read the steps listed; back up or fix the data if needed, then run `objectstack migrate apply --allow-destructive`.',
  },
  OS6021: {
    severity: 'error',
    title: 'Applied migration was modified',
    explanation:
      'The files of a migration that the database has already applied no longer match the checksum recorded in the ledger. The database would silently differ from what the files say.',
    example: 'migrations/0001_init/up.sqlite.sql edited after `migrate apply`',
    fix: 'Restore the migration files (e.g. `git checkout migrations/<name>`), and put further changes in a new migration with `objectstack migrate create`.',
  },
  OS6022: {
    severity: 'error',
    title: 'Migration has a stale base',
    explanation:
      'The migration was created from a schema state that is not the database’s current state (typically two branches each created a migration from the same base). Applying it would produce a schema nobody reviewed.',
    example: 'main and feature both add migrations/0003_*',
    fix: 'Delete the unapplied migration, rebase onto the applied ones, and run `objectstack migrate create <name>` again.',
  },
  OS6023: {
    severity: 'error',
    title: 'Migration statement failed',
    explanation:
      'A statement of the migration failed, so the whole migration was rolled back: the database is exactly as it was before this migration.',
    example: 'ALTER TABLE "deal" ALTER COLUMN "amount" SET NOT NULL   -- rows with no amount',
    fix: 'Read the database error and the statement shown; fix the data (or the YAML) and apply again.',
  },
  OS6024: {
    severity: 'error',
    title: 'Migration cannot be reversed',
    explanation: 'The migration drops data (a table or a column), so its down script cannot restore the previous state.',
    example: 'objectstack migrate down   # last migration dropped column "account"."fax"',
    fix: 'Restore from a backup, or write a new forward migration that re-creates what you need.',
  },
  OS6025: {
    severity: 'error',
    title: 'Migration folder is malformed',
    explanation: 'A folder under migrations/ lacks its meta.json or SQL for the dialect in use, or meta.json is not valid.',
    example: 'migrations/0002_add_phone/ without meta.json',
    fix: 'Restore the folder from version control, or remove it if it was never applied and create the migration again.',
  },
  OS6026: {
    severity: 'error',
    title: 'Applied migration missing',
    explanation: 'The ledger lists a migration as applied, but its folder is not under migrations/.',
    example: 'migrations/0002_add_phone deleted after being applied',
    fix: 'Restore the folder from version control; applied migrations are history and must stay.',
  },
  OS6027: {
    severity: 'error',
    title: 'Unknown migration',
    explanation: 'The migration named with `migrate down --to` is not an applied migration.',
    example: 'objectstack migrate down --to 0009_nothing',
    fix: 'Run `objectstack migrate status` to list the applied migrations and use one of their names.',
  },
  OS6028: {
    severity: 'info',
    title: 'No schema changes',
    explanation: 'The YAML describes the same schema as the last migration, so there is nothing to migrate.',
    example: 'objectstack migrate create noop',
    fix: 'Change the objects first, or skip creating a migration.',
  },
  OS6029: {
    severity: 'warning',
    title: 'Database drift',
    explanation:
      'The database schema differs from the schema its applied migrations produce: someone changed it by hand or with another tool.',
    example: 'ALTER TABLE account ADD COLUMN note TEXT   -- run by hand',
    fix: 'Run `objectstack diff --from <database>` to see the differences, then undo them or capture them in a migration.',
  },
} as const satisfies CodeSection;
