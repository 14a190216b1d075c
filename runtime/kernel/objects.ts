import type { ObjectCatalog, ObjectDef } from './types.js';

/** Object definitions by name, as declared in the stack (read-only for plugins). */
export class StaticObjectCatalog implements ObjectCatalog {
  private readonly byName: ReadonlyMap<string, ObjectDef>;

  constructor(private readonly objects: readonly ObjectDef[]) {
    this.byName = new Map(objects.map((object) => [object.name, object]));
  }

  get(name: string): ObjectDef | undefined {
    return this.byName.get(name);
  }

  list(): readonly ObjectDef[] {
    return this.objects;
  }
}
