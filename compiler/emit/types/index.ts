import type { StackIR } from '../../ir/index.js';
import { generatedHeader, type Artifact } from '../artifact.js';
import { geoLocationShape, postalAddressShape, recordReferenceShape } from '../field-mapping/struct-shapes.js';
import type { TsTypeNames } from '../field-mapping/index.js';
import { METADATA_MODULE, metadataModule } from './metadata.js';
import { objectFileBody, structInterface } from './object-file.js';
import { TsNames } from './type-names.js';

/**
 * The UI types for ObjectUI: `types/<object>.ts` per object, the metadata constants of all objects
 * (`types/metadata.js` + `metadata.d.ts`, see `metadataModule`; each object file re-exports its own),
 * `types/shared.ts` (value shapes every stack shares) and the barrel `types/index.ts`. Plain interfaces and literal unions only, so type-checking stays linear.
 */
export function emitTypes(ir: StackIR, inputHash: string): Artifact[] {
  const names = new TsNames(ir);
  const header = generatedHeader('slash', inputHash);
  const objectFiles = ir.objects.map((object) => ({
    path: `types/${names.file(object.name)}.ts`,
    content: header + objectFileBody(object, names),
  }));
  const metadata = metadataModule(ir.objects, (object) => names.metadata(object.name));
  const barrel = ['./shared.js', ...ir.objects.map((object) => `./${names.file(object.name)}.js`)].map((from) => `export * from ${JSON.stringify(from)};`);
  return [
    ...objectFiles,
    { path: 'types/shared.ts', content: header + sharedBody(names) },
    { path: `types/${METADATA_MODULE}.js`, content: header + metadata.js },
    { path: `types/${METADATA_MODULE}.d.ts`, content: header + metadata.dts },
    { path: 'types/index.ts', content: `${header}${barrel.join('\n')}\n` },
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function sharedBody(names: TsNames): string {
  const typeNames: TsTypeNames = {
    enumAlias: (parts) => names.fieldType(parts),
    struct: (shape) => names.struct(shape),
    jsonObject: () => names.shared('JsonObject'),
  };
  const blocks = [
    [`/** A JSON object, as json fields hold it. */`, `export type ${names.shared('JsonObject')} = Record<string, unknown>;`],
    ['/** A location field: WGS 84 coordinates. */', ...structInterface(geoLocationShape, names.shared('GeoLocation'), typeNames)],
    ['/** An address field: every part optional, since formats differ by country. */', ...structInterface(postalAddressShape, names.shared('PostalAddress'), typeNames)],
    ['/** A record field: a reference to a record of one of several objects. */', ...structInterface(recordReferenceShape, names.shared('RecordReference'), typeNames)],
  ];
  return `${blocks.map((block) => block.join('\n')).join('\n\n')}\n`;
}
