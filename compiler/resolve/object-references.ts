import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { refChild } from '../diagnostics/span.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { FieldIR, ObjectIR } from '../ir/types.js';
import { fieldHint, hasField, objectHint } from './lookup.js';
import { suggestion } from '../diagnostics/did-you-mean.js';

/**
 * Checks what one object says about others: reference targets, summaries and its datasource. Names in `rejected`
 * belong to objects whose file failed validation: already reported there, so never "unknown" here.
 */
export function checkObjectReferences(
  object: ObjectIR,
  objects: ReadonlyMap<string, ObjectIR>,
  datasources: ReadonlySet<string>,
  rejected: ReadonlySet<string>,
): PendingDiagnostic[] {
  const diagnostics: PendingDiagnostic[] = [];
  const unknownObject = (name: string, at: SourceRef, field: FieldIR) => {
    if (rejected.has(name)) return;
    diagnostics.push({
      code: 'OS3001',
      message: `${field.type} field '${field.name}' of '${object.name}' references unknown object '${name}'`,
      at,
      hint: objectHint(name, objects),
    });
  };

  for (const field of object.fields) {
    const { def } = field;
    if (def.type === 'lookup' || def.type === 'master_detail' || (def.type === 'tree' && def.reference !== undefined)) {
      if (!objects.has(def.reference!)) unknownObject(def.reference!, refChild(field.origin, 'reference'), field);
    } else if (def.type === 'record') {
      def.references?.forEach((name, index) => {
        if (!objects.has(name)) unknownObject(name, refChild(field.origin, 'references', index), field);
      });
    } else if (def.type === 'summary') {
      const { object: childName, field: childField, function: operation } = def.summaryOperations;
      const operations = refChild(field.origin, 'summaryOperations');
      const child = objects.get(childName);
      if (!child) unknownObject(childName, refChild(operations, 'object'), field);
      else if (operation !== 'count' && !hasField(child, childField)) {
        diagnostics.push({
          code: 'OS3016',
          message: `Summary '${field.name}' of '${object.name}' aggregates '${childField}', which is not a field of '${childName}'`,
          at: refChild(operations, 'field'),
          hint: fieldHint(childField, child),
        });
      }
    }
  }

  if (object.def.datasource !== undefined && !datasources.has(object.def.datasource)) {
    diagnostics.push({
      code: 'OS3015',
      message: `Object '${object.name}' uses datasource '${object.def.datasource}', which the stack does not declare`,
      at: refChild(object.origin, 'datasource'),
      hint: suggestion(object.def.datasource, datasources) ?? 'declare it under datasources, or remove `datasource` to use the default',
    });
  }
  return diagnostics;
}
