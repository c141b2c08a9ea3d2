import { isBody, type HclBody } from './hcl.js';

/** Stands for a value that cannot be known without providers (an attribute of another resource). */
export const UNKNOWN: unique symbol = Symbol('unknown');

/** What `var.x` and `local.y` mean in one directory instance. */
export interface Scope {
  vars: Record<string, unknown>;
  locals: HclBody;
  /** `each.key` / `each.value` inside a resource with for_each. */
  each?: { key: string; value: unknown };
}

const WHOLE_EXPRESSION = /^\$\{([^{}]+)\}$/;
const REFERENCE = /^(var|local|each)\.([A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_-]+)*)$/;
const TEMPLATE_PART = /\$\{([^{}]+)\}/g;
const MAX_DEPTH = 20;

/**
 * Evaluates the small part of HCL that static checks need: literals, `var.x.y`, `local.z` and
 * string templates built from them. Anything else (function calls, resource attributes) is UNKNOWN.
 */
export function resolve(value: unknown, scope: Scope, depth = 0): unknown {
  if (depth > MAX_DEPTH) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v) => resolve(v, scope, depth + 1));
  if (isBody(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolve(v, scope, depth + 1)]),
    );
  }
  if (typeof value !== 'string' || !value.includes('${')) return value;
  const whole = WHOLE_EXPRESSION.exec(value);
  if (whole?.[1] !== undefined) return lookup(whole[1].trim(), scope, depth);
  const parts = [...value.matchAll(TEMPLATE_PART)].map((m) =>
    lookup((m[1] ?? '').trim(), scope, depth),
  );
  if (
    !parts.every((p) => typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean')
  ) {
    return UNKNOWN;
  }
  let index = 0;
  return value.replace(TEMPLATE_PART, () => String(parts[index++]));
}

function lookup(ref: string, scope: Scope, depth: number): unknown {
  const match = REFERENCE.exec(ref);
  if (!match?.[1] || !match[2]) return UNKNOWN;
  const [, kind, name, path = ''] = match;
  let value: unknown;
  if (kind === 'var') value = scope.vars[name] ?? UNKNOWN;
  else if (kind === 'local') value = resolve(scope.locals[name] ?? UNKNOWN, scope, depth + 1);
  else if (name === 'key') value = scope.each?.key ?? UNKNOWN;
  else value = name === 'value' && scope.each ? scope.each.value : UNKNOWN;
  for (const key of path.split('.').filter(Boolean)) {
    value = isBody(value) ? (value[key] ?? UNKNOWN) : UNKNOWN;
  }
  return value;
}

/** Every `var.x` / `local.y` named anywhere inside an expression string. */
export function references(expression: string): string[] {
  return [...expression.matchAll(/\b(?:var|local)\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*/g)].map(
    (m) => m[0],
  );
}

/** Resolves the references inside an expression the resolver cannot evaluate as a whole. */
export function resolveReferences(expression: string, scope: Scope): unknown[] {
  return references(expression).map((ref) => resolve(`\${${ref}}`, scope));
}
