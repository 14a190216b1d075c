import { isMapping } from '../load/yaml-values.js';
import { nameFromFile } from './object-name.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { PathSegment, SourceRef } from '../diagnostics/span.js';

/**
 * ObjectQL-era spellings (the corpus under objectql/ uses them) rewritten to the ObjectStack protocol before the
 * schemas run, each with a deprecation warning at the old key naming the new spelling. Pure: new values are built,
 * the loaded data is never changed.
 */

/** Field keys renamed one to one. */
const FIELD_KEYS: Readonly<Record<string, string>> = {
  reference_to: 'reference',
  help_text: 'description',
  min_length: 'minLength',
  max_length: 'maxLength',
  max_size: 'maxSize',
  dimension: 'dimensions',
  data_type: 'returnType',
  default_value: 'defaultValue',
};

/** Field types renamed one to one. */
const FIELD_TYPES: Readonly<Record<string, string>> = { object: 'json', auto_number: 'autonumber' };

/** Keys of a field-level `validation` block that become field keys; `message` and `format` have no counterpart. */
const VALIDATION_KEYS: Readonly<Record<string, string>> = { min_length: 'minLength', max_length: 'maxLength', min: 'min', max: 'max', pattern: 'pattern' };
const VALIDATION_DROPPED = new Set(['message', 'format', 'protocols']);

/** Keys of an object-level validation rule renamed one to one. */
const RULE_KEYS: Readonly<Record<string, string>> = { error_code: 'errorCode' };

/** A comparison that must hold, turned into the protocol's condition that fails when true. */
const NEGATED: Readonly<Record<string, string>> = { '>=': '<', '>': '<=', '<=': '>', '<': '>=', '=': '!=', '==': '!=', '!=': '=' };

export interface Rewritten {
  readonly data: unknown;
  readonly diagnostics: readonly PendingDiagnostic[];
  /**
   * Where a path of the rewritten data was written in the file (e.g. `fields.owner.reference` →
   * `fields.owner.reference_to`), so schema diagnostics on rewritten values point at what the user wrote.
   */
  readonly originalPath: (path: readonly PathSegment[]) => PathSegment[];
}

type Mapping = Record<string, unknown>;

class Rewriter {
  readonly diagnostics: PendingDiagnostic[] = [];
  /** [path in the rewritten data, path as written], recorded for every moved value. */
  private readonly moves: [readonly PathSegment[], readonly PathSegment[]][] = [];
  constructor(private readonly file: string) {}

  move(to: readonly PathSegment[], from: readonly PathSegment[]): void {
    this.moves.push([to, from]);
  }

  /** Follows moves from the longest matching prefix, repeatedly: a rule moved into `validations` then renamed. */
  readonly originalPath = (path: readonly PathSegment[]): PathSegment[] => {
    let current = [...path];
    for (let hops = 0; hops < 4; hops++) {
      let best: [readonly PathSegment[], readonly PathSegment[]] | undefined;
      for (const move of this.moves) {
        if (move[0].length <= current.length && move[0].every((s, i) => s === current[i]) && (!best || move[0].length > best[0].length)) best = move;
      }
      if (!best) break;
      current = [...best[1], ...current.slice(best[0].length)];
    }
    return current;
  };

  result(data: unknown): Rewritten {
    return { data, diagnostics: this.diagnostics, originalPath: this.originalPath };
  }

  warn(path: readonly PathSegment[], message: string, target: 'key' | 'value' = 'key'): void {
    this.diagnostics.push({ code: 'OS1210', message, at: { file: this.file, path, target } });
  }

  conflict(path: readonly PathSegment[], oldKey: string, newKey: string): void {
    this.diagnostics.push({
      code: 'OS1211',
      message: `"${oldKey}" and "${newKey}" are both given with different values`,
      at: { file: this.file, path, target: 'key' },
      hint: `remove "${oldKey}" and keep "${newKey}"`,
    });
  }

  /** Renames keys in place order; a key whose new spelling is already present with another value is a conflict. */
  renameKeys(value: Mapping, renames: Readonly<Record<string, string>>, path: readonly PathSegment[]): Mapping {
    if (!Object.keys(value).some((key) => Object.hasOwn(renames, key))) return value;
    const result: Mapping = {};
    for (const [key, item] of Object.entries(value)) {
      const renamed = Object.hasOwn(renames, key) ? renames[key] : undefined;
      if (renamed === undefined) {
        if (!Object.hasOwn(result, key)) result[key] = item;
        continue;
      }
      if (Object.hasOwn(value, renamed) && JSON.stringify(value[renamed]) !== JSON.stringify(item)) {
        this.conflict([...path, key], key, renamed);
        continue;
      }
      this.warn([...path, key], `"${key}" is the ObjectQL spelling; use "${renamed}"`);
      this.move([...path, renamed], [...path, key]);
      result[renamed] = item;
    }
    return result;
  }
}

/** An object document (an included *.object.yml, or one entry of the stack's `objects`) at `ref`. */
export function rewriteLegacyObject(data: unknown, ref: SourceRef): Rewritten {
  const rewriter = new Rewriter(ref.file);
  const declared = isMapping(data) && typeof data.name === 'string' ? data.name : undefined;
  return rewriter.result(rewriteObject(rewriter, data, ref.path, declared ?? nameFromFile(ref.file)));
}


/** The stack file: every inline object in `objects` (list or map form). */
export function rewriteStackObjects(data: unknown, ref: SourceRef): Rewritten {
  if (!isMapping(data)) return new Rewriter(ref.file).result(data);
  const objects = data.objects;
  const rewriter = new Rewriter(ref.file);
  const at = (key: PathSegment) => [...ref.path, 'objects', key];
  let rewritten: unknown = objects;
  const nameOf = (item: unknown) => (isMapping(item) && typeof item.name === 'string' ? item.name : undefined);
  if (Array.isArray(objects)) rewritten = mapChanged(objects, (item, index) => rewriteObject(rewriter, item, at(index), nameOf(item)));
  else if (isMapping(objects)) rewritten = mapValuesChanged(objects, (item, key) => rewriteObject(rewriter, item, at(key), nameOf(item) ?? key));
  return rewriter.result(rewritten === objects ? data : { ...data, objects: rewritten });
}

function rewriteObject(rewriter: Rewriter, data: unknown, path: readonly PathSegment[], objectName: string | undefined): unknown {
  if (!isMapping(data)) return data;
  let object: Mapping = data;
  const fieldIndexes: Mapping[] = [];
  const warningsBefore = rewriter.diagnostics.length;
  if (isMapping(object.fields)) {
    const fields = mapValuesChanged(object.fields, (field, name) =>
      rewriteField(rewriter, field, name, [...path, 'fields', name], fieldIndexes),
    );
    // ObjectQL let `type` be implied; apply its defaults only to objects already written in ObjectQL spellings, so
    // a protocol file that forgets `type` still gets the error.
    const objectql = rewriter.diagnostics.length > warningsBefore;
    const typed = objectql ? mapValuesChanged(fields, (field, name) => impliedType(rewriter, field, [...path, 'fields', name])) : fields;
    if (typed !== object.fields) object = { ...object, fields: typed };
  }
  object = rewriteIndexes(rewriter, object, path, fieldIndexes, objectName);
  object = rewriteValidationBlock(rewriter, object, path);
  if (Object.hasOwn(object, 'enable_search')) {
    rewriter.warn([...path, 'enable_search'], '"enable_search" is the ObjectQL spelling; use "enable: {searchable: …}"');
    rewriter.move([...path, 'enable', 'searchable'], [...path, 'enable_search']);
    const { enable_search: searchable, ...rest } = object;
    object = { ...rest, enable: { ...(isMapping(rest.enable) ? rest.enable : {}), searchable } };
  }
  return object;
}

function rewriteField(rewriter: Rewriter, data: unknown, name: string, path: readonly PathSegment[], indexes: Mapping[]): unknown {
  if (!isMapping(data)) return data;
  let field = rewriter.renameKeys(data, FIELD_KEYS, path);
  const type = field.type;
  if (typeof type === 'string' && Object.hasOwn(FIELD_TYPES, type)) {
    const renamed = FIELD_TYPES[type];
    rewriter.warn([...path, 'type'], `field type "${type}" is the ObjectQL spelling; use "${renamed}"`, 'value');
    field = { ...field, type: renamed };
  }
  if (Object.hasOwn(field, 'index')) {
    const { index, ...rest } = field;
    if (index === true || index === 'unique') {
      rewriter.warn([...path, 'index'], 'field-level "index" is the ObjectQL spelling; declare it in the object\'s "indexes" list');
      indexes.push({ fields: [name], ...((index === 'unique' || rest.unique === true) && { unique: true }) });
      field = rest;
    } else if (index === false) {
      rewriter.warn([...path, 'index'], 'field-level "index: false" is the ObjectQL spelling; remove it');
      field = rest;
    }
  }
  if (isMapping(field.validation)) field = rewriteFieldValidation(rewriter, field, path);
  return field;
}

function impliedType(rewriter: Rewriter, field: unknown, path: readonly PathSegment[]): unknown {
  if (!isMapping(field) || Object.hasOwn(field, 'type')) return field;
  const type = Object.hasOwn(field, 'reference') ? 'lookup' : Object.hasOwn(field, 'options') ? 'select' : 'text';
  rewriter.warn(path, `field without "type" relies on ObjectQL's default; write "type: ${type}"`);
  return { type, ...field };
}

/** Field-level `validation: {min_length, max_length, min, max, message}` → keys on the field. */
function rewriteFieldValidation(rewriter: Rewriter, field: Mapping, path: readonly PathSegment[]): Mapping {
  const { validation, ...rest } = field as Mapping & { validation: Mapping };
  const result: Mapping = { ...rest };
  const leftover: Mapping = {};
  const moved: string[] = [];
  for (const [key, value] of Object.entries(validation)) {
    const target = Object.hasOwn(VALIDATION_KEYS, key) ? VALIDATION_KEYS[key] : undefined;
    if (target !== undefined) {
      if (Object.hasOwn(rest, target) && JSON.stringify(rest[target]) !== JSON.stringify(value)) {
        rewriter.conflict([...path, 'validation', key], `validation.${key}`, target);
      } else {
        result[target] = value;
        rewriter.move([...path, target], [...path, 'validation', key]);
        moved.push(key === target ? key : `${key} → ${target}`);
      }
    } else if (!VALIDATION_DROPPED.has(key)) {
      leftover[key] = value;
    }
  }
  const dropped = Object.keys(validation).filter((key) => VALIDATION_DROPPED.has(key));
  const parts = [moved.length > 0 && `move ${moved.join(', ')} onto the field`, dropped.length > 0 && `${dropped.join(', ')} ${dropped.length > 1 ? 'have' : 'has'} no counterpart (the field type checks the format; messages are generated)`];
  rewriter.warn([...path, 'validation'], `field-level "validation" is the ObjectQL spelling: ${parts.filter(Boolean).join('; ')}`);
  // Keys with no mapping stay under `validation`, so the schema reports them instead of losing them silently.
  if (Object.keys(leftover).length > 0) result.validation = leftover;
  return result;
}

/**
 * `indexes` as a map name → {fields, unique} → the list form; field-level indexes appended. ObjectQL's map keys are
 * scoped to their object, while the protocol's index names are database-wide (PostgreSQL and SQLite both keep one
 * index namespace per schema), so a key is prefixed with the object name unless it already starts with it.
 */
function rewriteIndexes(
  rewriter: Rewriter,
  object: Mapping,
  path: readonly PathSegment[],
  fieldIndexes: readonly Mapping[],
  objectName: string | undefined,
): Mapping {
  let indexes = object.indexes;
  if (isMapping(indexes)) {
    const scoped = (key: string) => (objectName === undefined || key.startsWith(`${objectName}_`) ? key : `${objectName}_${key}`);
    const renamed = Object.keys(indexes).filter((key) => scoped(key) !== key);
    const example = renamed[0] === undefined ? '' : ` (names become database-wide, so '${renamed[0]}' is named '${scoped(renamed[0])}')`;
    rewriter.warn([...path, 'indexes'], `"indexes" as a map is the ObjectQL spelling; write a list of {name, fields, unique}${example}`);
    indexes = Object.entries(indexes).map(([name, index], i) => {
      rewriter.move([...path, 'indexes', i], [...path, 'indexes', name]);
      return isMapping(index) ? { name: scoped(name), ...index } : index;
    });
  }
  if (fieldIndexes.length > 0) {
    const existing = Array.isArray(indexes) ? indexes : [];
    fieldIndexes.forEach((index, i) => rewriter.move([...path, 'indexes', existing.length + i], [...path, 'fields', String((index.fields as unknown[])[0]), 'index']));
    indexes = [...existing, ...fieldIndexes];
  }
  return indexes === object.indexes ? object : { ...object, indexes };
}

/** Object-level `validation: {rules: [...]}` → `validations: [...]`, each rule in the protocol's shape. */
function rewriteValidationBlock(rewriter: Rewriter, object: Mapping, path: readonly PathSegment[]): Mapping {
  const block = object.validation;
  if (!isMapping(block) || !Array.isArray(block.rules)) return object;
  rewriter.warn([...path, 'validation'], 'object-level "validation: {rules}" is the ObjectQL spelling; use a "validations" list');
  const rules = block.rules.map((rule, index) => rewriteRule(rewriter, rule, [...path, 'validation', 'rules', index]));
  const { validation: _old, ...rest } = object;
  const existing = Array.isArray(rest.validations) ? rest.validations : [];
  rules.forEach((_rule, i) => rewriter.move([...path, 'validations', existing.length + i], [...path, 'validation', 'rules', i]));
  return { ...rest, validations: [...existing, ...rules] };
}

function rewriteRule(rewriter: Rewriter, data: unknown, path: readonly PathSegment[]): unknown {
  if (!isMapping(data)) return data;
  let rule = rewriter.renameKeys(data, RULE_KEYS, path);
  const comparison = rule.rule;
  if (rule.type === 'cross_field' && isMapping(comparison)) {
    const { field, operator, compare_to: compareTo } = comparison;
    const negated = typeof operator === 'string' ? NEGATED[operator] : undefined;
    if (typeof field === 'string' && typeof compareTo === 'string' && negated !== undefined) {
      rewriter.warn([...path, 'rule'], `"rule: {field, operator, compare_to}" is the ObjectQL spelling; use condition: "${field} ${negated} ${compareTo}" and fields`);
      rewriter.move([...path, 'condition'], [...path, 'rule']);
      rewriter.move([...path, 'fields'], [...path, 'rule']);
      const { rule: _old, ...rest } = rule;
      rule = { ...rest, condition: `${field} ${negated} ${compareTo}`, fields: [field, compareTo] };
    }
  }
  if (rule.type === 'state_machine' && isMapping(rule.transitions)) {
    const transitions = rule.transitions;
    if (Object.values(transitions).some((t) => isMapping(t) && Array.isArray(t.allowed_next))) {
      rewriter.warn([...path, 'transitions'], '"transitions: {state: {allowed_next}}" is the ObjectQL spelling; map each state to the list of next states');
      const lists = mapValuesChanged(transitions, (t) => (isMapping(t) && Array.isArray(t.allowed_next) ? t.allowed_next : t));
      rule = { ...rule, transitions: lists };
    }
  }
  return rule;
}

/** The same array when nothing changed, so unchanged documents keep their identity. */
function mapChanged<T>(items: readonly T[], fn: (item: T, index: number) => T): readonly T[] {
  let copy: T[] | undefined;
  items.forEach((item, index) => {
    const next = fn(item, index);
    if (next !== item) (copy ??= [...items])[index] = next;
  });
  return copy ?? items;
}

function mapValuesChanged(values: Mapping, fn: (value: unknown, key: string) => unknown): Mapping {
  let copy: Mapping | undefined;
  for (const [key, value] of Object.entries(values)) {
    const next = fn(value, key);
    if (next !== value) (copy ??= { ...values })[key] = next;
  }
  return copy ?? values;
}
