import type { z } from 'zod';
import { formatPath, type ConfigProblem } from './problem.js';
import { allowedKeysAt, closest } from './schema-keys.js';

/** Where a data path sits in the YAML source, if it can be found. */
export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

/**
 * Turn zod issues into problems a person can act on: one per unknown key (with a did-you-mean),
 * messages without zod's "Invalid input:" preamble, each with its dotted path and line.
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.core.$ZodType,
  lineOf: LineOf,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (path: readonly PropertyKey[], message: string): void => {
    const line = lineOf(path);
    problems.push({ path: formatPath(path), message, ...(line === undefined ? {} : { line }) });
  };
  for (const issue of flattenUnions(issues)) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, allowed);
        const tail = guess
          ? `; did you mean "${guess}"?`
          : allowed.length > 0
            ? ` (allowed: ${allowed.join(', ')})`
            : '';
        add([...issue.path, key], `unknown key${tail}`);
      }
    } else if (issue.code === 'invalid_key') {
      const inner = issue.issues.map((i) => i.message).join('; ');
      add(issue.path, `invalid name: ${inner}`);
    } else {
      add(issue.path, cleanMessage(issue));
    }
  }
  // In file order, so fixing them top to bottom works; problems without a line go last.
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) => (a.problem.line ?? Infinity) - (b.problem.line ?? Infinity) || a.index - b.index,
    )
    .map(({ problem }) => problem);
}

/**
 * A value that matches no option of a union (a secret target: a word or an object) is explained
 * by the option that got furthest into it, e.g. `targets[0].vercel.project: required`, rather
 * than by a bare "invalid input". When no option got past the value itself, the union's own
 * message says what is expected.
 */
function flattenUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue): z.core.$ZodIssue[] => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const depth = (list: readonly z.core.$ZodIssue[]): number =>
      Math.max(0, ...list.map((i) => i.path.length));
    const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    if (depth(best) === 0 && !best.some((i) => i.code === 'custom')) return [issue];
    return flattenUnions(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
  });
}

function cleanMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return `required (expected ${issue.expected})`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array' && issue.minimum === 1) {
    return 'must list at least one entry';
  }
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message.replace(/^Invalid input: /, '').replace(/^Too (small|big): /, '');
}
