import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { parse } from 'yaml';
import { ObjectFileSchema, OBJECTQL_FIELD_KEY_RENAMES, OBJECTQL_FIELD_TYPE_RENAMES, inferObjectQlFieldType, rewriteObjectQlValidationRule } from '../../schemas/index.js';
test('corpus', () => {
  const files = execSync('find /work/shared/corpus/objectql -name "*.object.yml"').toString().trim().split('\n');
  let ok = 0;
  for (const f of files) {
    const d = parse(readFileSync(f, 'utf8'));
    for (const fl of Object.values<any>(d.fields ?? {})) {
      if (!fl.type) fl.type = inferObjectQlFieldType(fl); if ((OBJECTQL_FIELD_TYPE_RENAMES as any)[fl.type]) fl.type = (OBJECTQL_FIELD_TYPE_RENAMES as any)[fl.type];
      for (const [o, n] of Object.entries(OBJECTQL_FIELD_KEY_RENAMES)) if (o in fl) { fl[n] = fl[o]; delete fl[o]; }
      delete fl.index;
      if (fl.validation) { const v = fl.validation; delete fl.validation; if (v.min_length) fl.minLength = v.min_length; if (v.max_length) fl.maxLength = v.max_length; if (v.min !== undefined) fl.min = v.min; if (v.max !== undefined) fl.max = v.max; }
    }
    if (d.validation) { d.validations = d.validation.rules.map(rewriteObjectQlValidationRule); delete d.validation; }
    if ('enable_search' in d) { d.enable = { searchable: d.enable_search }; delete d.enable_search; }
    if (d.indexes && !Array.isArray(d.indexes)) d.indexes = Object.entries<any>(d.indexes).map(([name, i]) => ({ name, ...i }));
    const r = ObjectFileSchema.safeParse(d);
    if (r.success) ok++; else console.log(f.replace('/work/shared/corpus/objectql/', ''), JSON.stringify(r.error.issues.map(i => [i.path.join('.'), i.message.slice(0, 90)])));
  }
  console.log(ok, '/', files.length);
});
