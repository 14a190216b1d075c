import { basename } from 'node:path';

/** The object name an included file gives when it declares none: `account.object.yml` → `account`. */
export function nameFromFile(file: string): string {
  return basename(file).replace(/(\.object)?\.ya?ml$/, '');
}
