/**
 * The deepest nesting any input of ours needs, with margin: a body is at most an object holding
 * arrays of strings. Deeper input is refused before class-transformer recurses into it.
 */
export const MAX_JSON_DEPTH = 32;

export interface ShapeProblem {
  /** Where, in class-validator's notation (`stock_ids.1`); empty for the value itself. */
  path: string;
  problem: 'too deep' | 'not well-formed Unicode';
}

// With the u flag a valid surrogate pair is one astral code point; only a lone half is in Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether `text` is well-formed Unicode (`String.prototype.isWellFormed`, which es2023 typings lack). */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * The first place where a parsed JSON value nests deeper than `maxDepth` containers, or holds a
 * string (value or key) that is not well-formed Unicode: what cjson, and so the Redis scripts,
 * cannot read back. Null when there is none.
 */
export function findShapeProblem(value: unknown, maxDepth = MAX_JSON_DEPTH, path = ''): ShapeProblem | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : { path, problem: 'not well-formed Unicode' };
  if (value === null || typeof value !== 'object') return null;
  if (maxDepth === 0) return { path, problem: 'too deep' };
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (!isWellFormed(key)) return { path: childPath, problem: 'not well-formed Unicode' };
    const found = findShapeProblem(child, maxDepth - 1, childPath);
    if (found) return found;
  }
  return null;
}
