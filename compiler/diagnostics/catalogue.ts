import { buildCodes } from './catalogue/build.js';
import { cliCodes } from './catalogue/cli.js';
import type { CatalogueEntry } from './catalogue/entry.js';
import { httpCodes } from './catalogue/http.js';
import { loadCodes } from './catalogue/load.js';
import { migrateCodes } from './catalogue/migrate.js';
import { objectsCodes } from './catalogue/objects.js';
import { pluginsCodes } from './catalogue/plugins.js';
import { runtimeCodes } from './catalogue/runtime.js';
import { schemaCodes } from './catalogue/schema.js';
import { servicesCodes } from './catalogue/services.js';
import { systemCodes } from './catalogue/system.js';

export type { CatalogueEntry } from './catalogue/entry.js';

/**
 * Every diagnostic code, in one catalogue. Sections live in `catalogue/` (one file per stage, each owning a code
 * range); this object is the only place codes are looked up.
 */
export const CATALOGUE = {
  ...loadCodes,
  ...schemaCodes,
  ...pluginsCodes,
  ...servicesCodes,
  ...objectsCodes,
  ...systemCodes,
  ...buildCodes,
  ...migrateCodes,
  ...runtimeCodes,
  ...httpCodes,
  ...cliCodes,
} as const;

export type DiagnosticCode = keyof typeof CATALOGUE;

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return Object.hasOwn(CATALOGUE, code) ? (CATALOGUE as Record<string, CatalogueEntry>)[code] : undefined;
}

export function allCodes(): DiagnosticCode[] {
  return (Object.keys(CATALOGUE) as DiagnosticCode[]).sort();
}
