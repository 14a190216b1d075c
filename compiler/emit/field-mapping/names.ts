/**
 * Naming shared by the emitters. Object and field names are snake_case (`^[a-z_][a-z0-9_]*$`); generated type names
 * are PascalCase. Several snake names can map to one PascalCase name (`a_b`, `a__b`) and a derived name can equal
 * another object's name (`account` + `CreateInput` vs an object `account_create_input`), so every emitter allocates
 * its names through a `NameTable`, in a fixed order, and a later claim of a taken name gets a numeric suffix.
 */

/** `line_item` → `LineItem`; a result that would start with a digit (`_1st`) keeps a leading underscore. */
export function pascalCase(snake: string): string {
  const joined = snake
    .split('_')
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  if (joined.length === 0) return '_';
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** `LineItem` → `lineItem`. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** English plural of a PascalCase or camelCase name: `Opportunity` → `Opportunities`, `Address` → `Addresses`. */
export function pluralize(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

/** Allocates unique names: the first claim of a name gets it, later claims get `<name>2`, `<name>3`, … */
export class NameTable {
  readonly #taken = new Set<string>();
  readonly #byKey = new Map<string, string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#taken.add(name);
  }

  claim(preferred: string): string {
    let name = preferred;
    for (let suffix = 2; this.#taken.has(name); suffix += 1) name = `${preferred}${suffix}`;
    this.#taken.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.#taken.has(name);
  }

  /**
   * Claims the preferred name the first time `key` is asked for; later calls with the same key return that name.
   * `preferred` is a function so that repeated lookups (every mention of a type) cost one map read.
   */
  claimOnce(key: string, preferred: () => string): string {
    const known = this.#byKey.get(key);
    if (known !== undefined) return known;
    const name = this.claim(preferred());
    this.#byKey.set(key, name);
    return name;
  }
}

/**
 * Resolves every object's PascalCase type name once per emitter run, in object order (sorted by name), after the
 * names the emitter reserves for itself. Object names win over derived names, which are claimed afterwards.
 */
export function objectTypeNames(objectNames: readonly string[], table: NameTable): Map<string, string> {
  return new Map(objectNames.map((name) => [name, table.claim(pascalCase(name))]));
}
