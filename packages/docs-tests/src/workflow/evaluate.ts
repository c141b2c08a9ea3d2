import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import { CONTEXTS } from './expressions.js';
import type { Workflow } from './workflow-model.js';

/** The contexts an expression is evaluated with, as plain JSON (github, inputs, vars, ...). */
export type ExpressionContext = Readonly<Record<string, unknown>>;

/**
 * Status functions as they stand when every earlier job succeeded; hashFiles finds no file
 * (the checks ask what runs on GitHub for a given event, not what a checkout holds).
 */
function functions(): Map<
  string,
  { name: string; minArgs: number; maxArgs: number; call: () => data.ExpressionData }
> {
  const constant = (name: string, value: data.ExpressionData, maxArgs = 0) =>
    [name, { name, minArgs: 0, maxArgs, call: () => value }] as const;
  return new Map([
    constant('success', new data.BooleanData(true)),
    constant('always', new data.BooleanData(true)),
    constant('cancelled', new data.BooleanData(false)),
    constant('failure', new data.BooleanData(false)),
    constant('hashfiles', new data.StringData(''), 255),
  ]);
}

function evaluate(expression: string, context: ExpressionContext): data.ExpressionData {
  const fns = functions();
  const parsed = new Parser(
    new Lexer(expression).lex().tokens,
    CONTEXTS,
    [...fns.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs })),
  ).parse();
  const dictionary = JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary;
  return new Evaluator(parsed, dictionary, fns).evaluate();
}

/** A condition (`if:`), with or without `${{ }}`, as GitHub decides it. */
export function conditionHolds(condition: string | undefined, context: ExpressionContext): boolean {
  if (condition === undefined) return true;
  const bare = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(condition)?.[1] ?? condition;
  return truthy(evaluate(bare, context));
}

/** A value with `${{ }}` parts replaced by their values, e.g. a concurrency group. */
export function interpolate(template: string, context: ExpressionContext): string {
  return template.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) =>
    evaluate(expression, context).coerceString(),
  );
}

/**
 * The jobs that run for an event: a job runs when every job it needs ran and its condition holds
 * (all jobs succeeding). Returns ids in workflow order.
 */
export function jobsThatRun(workflow: Workflow, context: ExpressionContext): string[] {
  const ran = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const job of workflow.jobs) {
      if (ran.has(job.id) || !job.needs.every((n) => ran.has(n))) continue;
      if (!conditionHolds(job.if, context)) continue;
      ran.add(job.id);
      changed = true;
    }
  }
  return workflow.jobs.filter((j) => ran.has(j.id)).map((j) => j.id);
}
