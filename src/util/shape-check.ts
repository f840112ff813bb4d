/**
 * A small declarative check of a value's shape, for data that comes back from disk (the step cache): the
 * fields a reader will touch, with their kinds. It answers with the first problem as a path
 * (`promotion.evaluation.rocAuc is a string, expected a number`), so a bad cache entry is reported in one line
 * and recomputed instead of crashing three steps later with "Cannot read properties of undefined".
 *
 *   const check = shapeCheck({ promotion: { evaluation: { rocAuc: 'number' } }, 'popularity?': { … } });
 *   check(value) // → null when it fits
 */

/** 'typed' is any typed array (Float64Array, Uint32Array, …); a key ending in `?` may be absent or null. */
export type ShapeKind = 'number' | 'string' | 'boolean' | 'array' | 'typed' | 'object';
export type Shape = ShapeKind | { [key: string]: Shape } | [Shape];

const KIND_NAMES: Record<ShapeKind, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  array: 'an array',
  typed: 'a typed array',
  object: 'an object',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return 'a typed array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function problem(value: unknown, shape: Shape, at: string): string | null {
  const name = at || 'the value';
  if (typeof shape === 'string') {
    const fits =
      shape === 'array'
        ? Array.isArray(value)
        : shape === 'typed'
          ? ArrayBuffer.isView(value)
          : shape === 'object'
            ? value !== null && typeof value === 'object'
            : typeof value === shape;
    return fits ? null : `${name} is ${kindOf(value)}, expected ${KIND_NAMES[shape]}`;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return `${name} is ${kindOf(value)}, expected an array`;
    for (let i = 0; i < value.length; i++) {
      const p = problem(value[i], shape[0], `${at}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return `${name} is ${kindOf(value)}, expected an object`;
  for (const [rawKey, inner] of Object.entries(shape)) {
    const optional = rawKey.endsWith('?');
    const key = optional ? rawKey.slice(0, -1) : rawKey;
    const child = (value as Record<string, unknown>)[key];
    const path = at ? `${at}.${key}` : key;
    if (child === undefined || child === null) {
      if (optional) continue;
      return `${path} is missing`;
    }
    const p = problem(child, inner, path);
    if (p) return p;
  }
  return null;
}

/** A check for `shape`: the first problem found in a value, or null when it fits. */
export function shapeCheck(shape: Shape): (value: unknown) => string | null {
  return (value) => problem(value, shape, '');
}
