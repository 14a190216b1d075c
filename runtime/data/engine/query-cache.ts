import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import type { DataDriver, ResultRow } from '../drivers/driver.js';
import type { QueryDb } from '../drivers/query-adapter.js';
import type { MaybePromise } from '../../kernel/types.js';
import { Placeholder, Placeholders } from './predicate.js';

/** Distinct query shapes kept per engine; a stack's hot paths use a few per object. */
const DEFAULT_CAPACITY = 2_000;

interface CompiledShape {
  readonly sql: string;
  /** For each parameter of the compiled SQL, the index of the value bound to it. */
  readonly positions: readonly number[];
}

/**
 * Compiled SQL by query shape. Kysely builds and compiles each shape once, with placeholders where the values go;
 * later executions of the same shape bind new values to the same SQL text (which the SQLite driver also keeps
 * prepared). Kysely stays the only builder: nothing here writes SQL. One cache per engine, so a `dev` reload,
 * which builds a new engine over the new metadata, starts empty.
 */
export class QueryCache {
  private readonly shapes = new Map<string, CompiledShape>();

  constructor(
    private readonly driver: Pick<DataDriver, 'runNow'>,
    private readonly capacity: number = DEFAULT_CAPACITY,
  ) {}

  /**
   * Runs the shape `key` with `values`; `build` gives the Kysely query (placeholders taken in `values` order). The
   * driver runs the compiled SQL itself when it can, else Kysely's executor does.
   */
  rows(db: QueryDb, key: string, values: readonly unknown[], build: (slots: Placeholders) => Compilable<unknown>): MaybePromise<ResultRow[]> {
    const shape = this.shapes.get(key) ?? this.compile(key, build);
    const parameters = new Array<unknown>(shape.positions.length);
    for (let i = 0; i < parameters.length; i++) parameters[i] = values[shape.positions[i]!];
    // Rows at once when the driver ran the statement itself: a promise per layer of a read by id costs more than its SQL.
    return this.driver.runNow(db, shape.sql, parameters) ?? db.executeQuery<ResultRow>(CompiledQuery.raw(shape.sql, parameters)).then(rowsOf);
  }

  private compile(key: string, build: (slots: Placeholders) => Compilable<unknown>): CompiledShape {
    const compiled = build(new Placeholders()).compile();
    const positions = compiled.parameters.map((parameter) => {
      // A value compiled in directly would be replayed for every later request of this shape: refuse it loudly.
      if (!(parameter instanceof Placeholder)) throw new Error(`internal: query shape "${key}" compiled a value that is not a placeholder`);
      return parameter.index;
    });
    const shape = { sql: compiled.sql, positions };
    if (this.shapes.size >= this.capacity) this.shapes.delete(this.shapes.keys().next().value!);
    this.shapes.set(key, shape);
    return shape;
  }
}

function rowsOf(result: QueryResult<ResultRow>): ResultRow[] {
  return result.rows;
}
