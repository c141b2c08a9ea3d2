import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ansibleDir } from './paths.js';

/** The roles' defaults, merged: what a template sees on a host with no overrides. */
export async function roleDefaults(roles: readonly string[]): Promise<Record<string, unknown>> {
  const merged: Record<string, unknown> = {};
  for (const role of roles) {
    const file = join(ansibleDir, 'roles', role, 'defaults/main.yml');
    Object.assign(merged, parse(await readFile(file, 'utf8')) as Record<string, unknown>);
  }
  return merged;
}

/**
 * Fills `{{ name }}` and `{{ name | join(' ') }}` from `vars`, whose values may name other vars
 * in turn: enough for the templates the static tests read, and an error on anything else.
 */
export function renderTemplate(template: string, vars: Record<string, unknown>): string {
  const value = (name: string, depth: number): unknown => {
    const found = vars[name];
    if (found === undefined) throw new Error(`no default for ${name}`);
    if (depth > 5) throw new Error(`${name} refers to itself`);
    if (typeof found === 'string') return fill(found, depth + 1);
    if (Array.isArray(found)) return found.map((item) => fill(String(item), depth + 1));
    return found;
  };
  const fill = (text: string, depth: number): string =>
    text.replace(
      /\{\{\s*(\w+)\s*(\|\s*join\('(.*?)'\)\s*)?\}\}/g,
      (expr, name: string, join, sep) => {
        const v = value(name, depth);
        if (join !== undefined) {
          if (!Array.isArray(v)) throw new Error(`${expr}: ${name} is not a list`);
          return v.join(String(sep));
        }
        return String(v);
      },
    );
  if (/\{%|\{\{/.test(template.replace(/\{\{\s*\w+\s*(\|\s*join\('.*?'\)\s*)?\}\}/g, ''))) {
    throw new Error('the template uses Jinja this renderer does not know');
  }
  return fill(template, 0);
}
