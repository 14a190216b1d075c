import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  OBJECTQL_FIELD_KEY_RENAMES, OBJECTQL_FIELD_TYPE_RENAMES, OBJECTQL_FIELD_VALIDATION_RENAMES, ObjectFileSchema,
  inferObjectQlFieldType, rewriteObjectQlValidationRule,
} from '../../schemas/index.js';

const CORPUS = '/work/shared/corpus/objectql';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function renameKeys(target: Json, source: Json, renames: Readonly<Record<string, string>>): void {
  for (const [oldKey, newKey] of Object.entries(renames)) {
    if (oldKey in source) {
      const value = source[oldKey];
      delete target[oldKey];
      target[newKey] = value;
    }
  }
}

/**
 * The rewrite the validator performs (there with a warning per key), driven only by the tables exported from
 * schemas/: this proves the tables plus the schemas cover every ObjectQL file of the corpus.
 */
function rewriteObjectQl(document: Json): Json {
  const fields: Record<string, Json> = {};
  for (const [name, raw] of Object.entries(isRecord(document.fields) ? document.fields : {})) {
    const field: Json = isRecord(raw) ? { ...raw } : {};
    if (field.type === undefined) field.type = inferObjectQlFieldType(field);
    const renamedType = OBJECTQL_FIELD_TYPE_RENAMES[field.type as keyof typeof OBJECTQL_FIELD_TYPE_RENAMES];
    if (renamedType) field.type = renamedType;
    renameKeys(field, field, OBJECTQL_FIELD_KEY_RENAMES);
    delete field.index;
    if (isRecord(field.validation)) {
      const validation = field.validation;
      delete field.validation;
      renameKeys(field, validation, OBJECTQL_FIELD_VALIDATION_RENAMES);
    }
    fields[name] = field;
  }
  const { indexes, validation, enable_search: enableSearch, ...rest } = document;
  const rewritten: Json = { ...rest, fields };
  if (isRecord(indexes)) rewritten.indexes = Object.entries(indexes).map(([name, index]) => ({ name, ...(isRecord(index) ? index : {}) }));
  else if (indexes !== undefined) rewritten.indexes = indexes;
  if (enableSearch !== undefined) rewritten.enable = { searchable: enableSearch };
  if (isRecord(validation) && Array.isArray(validation.rules)) {
    rewritten.validations = validation.rules.map((rule) => (isRecord(rule) ? rewriteObjectQlValidationRule(rule) : rule));
  }
  return rewritten;
}

const files = execFileSync('find', [CORPUS, '-name', '*.object.yml'], { encoding: 'utf8' }).trim().split('\n').sort();

describe('ObjectQL corpus', () => {
  it('holds the 28 object files', () => {
    expect(files).toHaveLength(28);
  });

  it.each(files.map((file) => [file.slice(CORPUS.length + 1), file]))('%s validates after the ObjectQL rewrite', (_, file) => {
    const document: unknown = parse(readFileSync(file, 'utf8'));
    expect(isRecord(document)).toBe(true);
    const result = ObjectFileSchema.safeParse(rewriteObjectQl(document as Json));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('keeps the documented extension blocks in the output', () => {
    const file = files.find((f) => f.endsWith('project-tracker/src/modules/projects/projects.object.yml'));
    const parsed = ObjectFileSchema.parse(rewriteObjectQl(parse(readFileSync(file ?? '', 'utf8')) as Json));
    expect(parsed.ai).toMatchObject({ search: { enabled: true } });
    expect(Object.keys(parsed.actions ?? {})).toContain('approve');
    expect(parsed.ai_context).toBeDefined();
  });

  it('rewrites an ObjectQL cross-field comparison into the failing condition', () => {
    const rule = rewriteObjectQlValidationRule({
      name: 'valid_date_range', type: 'cross_field', message: 'm', error_code: 'E1',
      rule: { field: 'end_date', operator: '>=', compare_to: 'start_date' },
    });
    expect(rule).toEqual({ name: 'valid_date_range', type: 'cross_field', message: 'm', errorCode: 'E1', condition: 'end_date < start_date', fields: ['end_date', 'start_date'] });
  });
});
