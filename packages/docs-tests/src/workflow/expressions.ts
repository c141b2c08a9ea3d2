import { Lexer, Parser } from '@actions/expressions';

/** An expression found in a workflow and where: a path such as jobs.deploy.steps[2].run. */
export interface FoundExpression {
  readonly path: string;
  readonly expression: string;
}

/** Contexts a workflow may read (docs: "Contexts"); anything else is a typo GitHub rejects. */
export const CONTEXTS = [
  'github',
  'env',
  'vars',
  'job',
  'jobs',
  'steps',
  'runner',
  'secrets',
  'strategy',
  'matrix',
  'needs',
  'inputs',
];

/** Functions GitHub adds to the expression language's own (status checks and hashFiles). */
const WORKFLOW_FUNCTIONS = [
  { name: 'success', minArgs: 0, maxArgs: 0 },
  { name: 'always', minArgs: 0, maxArgs: 0 },
  { name: 'cancelled', minArgs: 0, maxArgs: 0 },
  { name: 'failure', minArgs: 0, maxArgs: 0 },
  { name: 'hashFiles', minArgs: 1, maxArgs: 255 },
];

const isDict = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every `${{ … }}` in the workflow's values, plus the `if:` conditions, which may be written
 * without the braces.
 */
export function collectExpressions(node: unknown, path = ''): FoundExpression[] {
  if (typeof node === 'string') {
    const found = [...node.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => ({
      path,
      expression: (m[1] ?? '').trim(),
    }));
    if (found.length === 0 && path.endsWith('.if')) return [{ path, expression: node.trim() }];
    return found;
  }
  if (Array.isArray(node))
    return node.flatMap((item, i) => collectExpressions(item, `${path}[${i}]`));
  if (isDict(node))
    return Object.entries(node).flatMap(([k, v]) =>
      collectExpressions(v, path === '' ? k : `${path}.${k}`),
    );
  return [];
}

/** Parses an expression with GitHub's own expression parser; undefined when it parses. */
export function expressionProblem(expression: string): string | undefined {
  try {
    const lexed = new Lexer(expression).lex();
    new Parser(lexed.tokens, CONTEXTS, WORKFLOW_FUNCTIONS).parse();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
