import type { StructShape } from './struct-shapes.js';
import type { ScalarShape, ValueShape } from './value-shape.js';

export type EnumShape = Extract<ScalarShape, { kind: 'enum' }>;

/** The enum shapes a value shape declares (its own and those of struct properties), in a fixed order. */
export function enumShapesIn(shape: ValueShape): EnumShape[] {
  const scalar = shape.kind === 'list' ? shape.item : shape;
  if (scalar.kind === 'enum') return [scalar];
  if (scalar.kind === 'struct') return scalar.properties.flatMap((property) => enumShapesIn(property.shape));
  return [];
}

/** The struct shapes a value shape uses, outermost first. */
export function structShapesIn(shape: ValueShape): StructShape[] {
  const scalar = shape.kind === 'list' ? shape.item : shape;
  if (scalar.kind !== 'struct') return [];
  return [scalar, ...scalar.properties.flatMap((property) => structShapesIn(property.shape))];
}
