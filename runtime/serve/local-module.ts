import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The URL the kernel imports a local plugin from. JavaScript modules are imported as they are. Node 20 cannot
 * import TypeScript, so a `.ts` entry is transpiled (types erased, nothing checked: `objectstack build` type-checks)
 * into `.objectstack/plugins/` and imported from there. Only the entry file is transpiled: its own imports must be
 * type-only or point at JavaScript.
 */
export async function localModuleUrl(moduleFile: string, pluginId: string, cacheDir: string): Promise<URL> {
  if (!/\.(m|c)?tsx?$/.test(moduleFile)) return pathToFileURL(moduleFile);
  // Loaded only when a stack has a TypeScript plugin: the compiler costs a few hundred ms to load.
  const { ts } = await import('ts-morph');
  const output = ts.transpileModule(readFileSync(moduleFile, 'utf8'), {
    fileName: basename(moduleFile),
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  // transpileModule emits something even for broken syntax; refusing here keeps the last good copy on disk, so a
  // save with a typo under `dev` leaves the running plugin as it was and says why.
  const syntax = (output.diagnostics ?? []).find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntax) {
    const at = syntax.file && syntax.start !== undefined ? syntax.file.getLineAndCharacterOfPosition(syntax.start) : undefined;
    const where = at ? `${moduleFile}:${at.line + 1}:${at.character + 1}` : moduleFile;
    throw new Error(`${where}: ${ts.flattenDiagnosticMessageText(syntax.messageText, '\n')}`);
  }
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `${pluginId}.mjs`);
  writeFileSync(file, output.outputText);
  return pathToFileURL(file);
}
