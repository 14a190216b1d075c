import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A deterministic synthetic stack: `objects` objects of `fields` fields each (a mix of types, lookups to earlier
 * objects, selects with options), and `plugins` inline plugins, each depending on the two before it, together
 * providing every core service. Written in two variants: one file per object (via include) and a single file.
 */
export interface SyntheticShape {
  readonly objects: number;
  readonly fields: number;
  readonly plugins: number;
}

export const BENCH_SHAPE: SyntheticShape = { objects: 1000, fields: 20, plugins: 20 };

const CORE_SERVICES = ['data', 'metadata', 'auth', 'cache', 'queue', 'job', 'i18n'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const objectName = (i: number) => `object_${pad(i, 4)}`;

function fieldYaml(object: number, field: number, indent: string): string {
  const name = `field_${pad(field, 2)}`;
  const label = `${indent}    label: Field ${pad(field, 2)}\n`;
  switch (field % 10) {
    case 0:
      return `${indent}  ${name}:\n${indent}    type: text\n${label}${indent}    maxLength: 120\n${indent}    required: true\n`;
    case 1:
      return `${indent}  ${name}:\n${indent}    type: number\n${label}${indent}    precision: 10\n${indent}    scale: 2\n`;
    case 2:
      return `${indent}  ${name}:\n${indent}    type: select\n${label}${indent}    options:\n${indent}      - { label: Alpha, value: alpha }\n${indent}      - { label: Beta, value: beta }\n${indent}    defaultValue: alpha\n`;
    case 3:
      return object > 0
        ? `${indent}  ${name}:\n${indent}    type: lookup\n${label}${indent}    reference: ${objectName(object - 1)}\n`
        : `${indent}  ${name}:\n${indent}    type: text\n${label}`;
    case 4:
      return `${indent}  ${name}:\n${indent}    type: boolean\n${label}${indent}    defaultValue: false\n`;
    case 5:
      return `${indent}  ${name}:\n${indent}    type: date\n${label}`;
    case 6:
      return `${indent}  ${name}:\n${indent}    type: currency\n${label}${indent}    scale: 2\n`;
    case 7:
      return `${indent}  ${name}:\n${indent}    type: email\n${label}${indent}    unique: true\n`;
    case 8:
      return `${indent}  ${name}:\n${indent}    type: textarea\n${label}`;
    default:
      return `${indent}  ${name}:\n${indent}    type: datetime\n${label}`;
  }
}

function objectYaml(object: number, shape: SyntheticShape, indent: string): string {
  let yaml = `${indent}label: Object ${object}\n${indent}description: Synthetic object number ${object}\n${indent}fields:\n`;
  for (let field = 0; field < shape.fields; field++) yaml += fieldYaml(object, field, indent);
  return yaml;
}

function stackHeader(shape: SyntheticShape): string {
  let yaml = 'manifest:\n  id: com.bench.synthetic\n  name: Synthetic\n  version: 1.0.0\nplugins:\n';
  for (let p = 0; p < shape.plugins; p++) {
    const id = `com.bench.plugin-${pad(p, 2)}`;
    const deps = [p - 1, p - 2].filter((d) => d >= 0).map((d) => `com.bench.plugin-${pad(d, 2)}: ^1.0.0`);
    const provides = CORE_SERVICES.filter((_, s) => s % shape.plugins === p);
    yaml += `  - manifest:\n      id: ${id}\n      name: Plugin ${p}\n      version: 1.${p}.0\n`;
    yaml += `      dependencies: { ${deps.join(', ')} }\n      providesServices: [${provides.join(', ')}]\n`;
    yaml += `    module: plugins/plugin-${pad(p, 2)}.js\n`;
  }
  return yaml;
}

function writePluginModules(dir: string, shape: SyntheticShape): void {
  mkdirSync(join(dir, 'plugins'), { recursive: true });
  for (let p = 0; p < shape.plugins; p++) writeFileSync(join(dir, 'plugins', `plugin-${pad(p, 2)}.js`), 'export default {};\n');
}

/** One objectstack.yaml plus one objects/<name>.object.yml per object. */
export function writeMultiFileStack(dir: string, shape: SyntheticShape): void {
  mkdirSync(join(dir, 'objects'), { recursive: true });
  writePluginModules(dir, shape);
  writeFileSync(join(dir, 'objectstack.yaml'), `${stackHeader(shape)}include:\n  - objects/*.object.yml\n`);
  for (let o = 0; o < shape.objects; o++) writeFileSync(join(dir, 'objects', `${objectName(o)}.object.yml`), objectYaml(o, shape, ''));
}

/** Everything in objectstack.yaml, objects as a map keyed by name. */
export function writeSingleFileStack(dir: string, shape: SyntheticShape): void {
  mkdirSync(dir, { recursive: true });
  writePluginModules(dir, shape);
  let yaml = `${stackHeader(shape)}objects:\n`;
  for (let o = 0; o < shape.objects; o++) yaml += `  ${objectName(o)}:\n${objectYaml(o, shape, '    ')}`;
  writeFileSync(join(dir, 'objectstack.yaml'), yaml);
}
