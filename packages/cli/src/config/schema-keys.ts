import type { z } from 'zod';

/**
 * The keys an object in the schema allows at a given data path, to suggest the right one for an
 * unknown key. Walks zod's definition objects (`_zod.def`), the documented internals of zod 4.
 */
export function allowedKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.core.$ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!node) return [];
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object')
      node = (def.shape as Record<string, z.core.$ZodType>)[String(segment)];
    else if (def.type === 'record') node = def.valueType as z.core.$ZodType;
    else if (def.type === 'array') node = def.element as z.core.$ZodType;
    else return [];
    node = node && unwrap(node);
  }
  const def = node?._zod.def as unknown as
    { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let node = schema;
  for (;;) {
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    if (['optional', 'default', 'prefault', 'nullable', 'readonly'].includes(def.type)) {
      node = def.innerType as z.core.$ZodType;
    } else if (def.type === 'pipe') {
      node = def.in as z.core.$ZodType;
    } else if (def.type === 'union') {
      // A word-or-object union (secret targets): keys can only be wrong in its object form.
      const options = def.options as z.core.$ZodType[];
      const object = options.find((option) => unwrap(option)._zod.def.type === 'object');
      if (!object) return node;
      node = object;
    } else return node;
  }
}

/** The closest of `candidates` to `word` by edit distance, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
