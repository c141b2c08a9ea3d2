import { parse } from 'yaml';

/** Reads a path such as ['environments', 'staging', 'droplets', 'tag'] out of parsed YAML. */
export function at(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function parseYaml(text: string): unknown {
  return parse(text) as unknown;
}

export function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.keys(value)
    : [];
}
