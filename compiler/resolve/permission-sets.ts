import type { Stack } from '../../schemas/index.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { refChild, refKey } from '../diagnostics/span.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { ObjectIR } from '../ir/types.js';
import type { PassResult } from './context.js';
import { fieldHint, hasField, objectHint } from './lookup.js';

/** Checks that every permission set grants access to objects and fields that exist (or failed validation). */
export function checkPermissionSets(
  permissions: Stack['permissions'],
  objects: ReadonlyMap<string, ObjectIR>,
  rejected: ReadonlySet<string>,
  stackRef: SourceRef,
): PassResult<Stack['permissions']> {
  const diagnostics: PendingDiagnostic[] = [];
  for (const [setName, set] of Object.entries(permissions)) {
    const setRef = refChild(stackRef, 'permissions', setName);
    for (const objectName of Object.keys(set.objects)) {
      if (objects.has(objectName) || rejected.has(objectName)) continue;
      diagnostics.push({
        code: 'OS3101',
        message: `Permission set '${setName}' grants access to unknown object '${objectName}'`,
        at: refKey(refChild(setRef, 'objects', objectName)),
        hint: objectHint(objectName, objects),
      });
    }
    for (const key of Object.keys(set.fields)) {
      const at = refKey(refChild(setRef, 'fields', key));
      const [objectName = '', fieldName = ''] = key.split('.');
      const object = objects.get(objectName);
      if (!object && rejected.has(objectName)) continue;
      if (!object) {
        diagnostics.push({
          code: 'OS3101',
          message: `Permission set '${setName}' sets field access on unknown object '${objectName}'`,
          at,
          hint: objectHint(objectName, objects),
        });
      } else if (!hasField(object, fieldName)) {
        diagnostics.push({
          code: 'OS3102',
          message: `Permission set '${setName}' sets access on '${key}', but '${fieldName}' is not a field of '${objectName}'`,
          at,
          hint: fieldHint(fieldName, object),
        });
      }
    }
  }
  return { result: permissions, diagnostics };
}
