import { validateWorkflow } from '@action-validator/core';

/**
 * Validates a workflow against the GitHub Actions workflow schema with action-validator (the
 * same WebAssembly build its CLI uses, so it runs offline): unknown keys, wrong types, events
 * that do not exist, `needs` naming no job. Returns one readable line per problem.
 */
export function schemaProblems(source: string): string[] {
  const state = validateWorkflow(source);
  return state.errors.flatMap((error) => describe(error));
}

interface ValidatorError {
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly path?: string;
  readonly states?: readonly { readonly errors: readonly ValidatorError[] }[];
}

function describe(error: ValidatorError): string[] {
  const own = `${error.path ?? '/'}: ${error.title}${error.detail === undefined ? '' : ` (${error.detail})`}`;
  // For "one of" errors the nested states say which alternative failed and why.
  const nested = (error.states ?? []).flatMap((s) => s.errors.flatMap((e) => describe(e)));
  return nested.length === 0 ? [own] : [own, ...nested.map((line) => `  ${line}`)];
}
