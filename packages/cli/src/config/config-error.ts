import { OpsctlError } from '../errors/opsctl-error.js';
import { formatProblem, type ConfigProblem } from './problem.js';

/** The user error for a configuration that did not load, listing every problem. */
export function configError(
  path: string | undefined,
  problems: readonly ConfigProblem[],
): OpsctlError {
  const listed = problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n');
  if (path === undefined) {
    return new OpsctlError({
      code: 'CONFIG_NOT_FOUND',
      kind: 'user',
      message: `No configuration found:\n${listed}`,
      hint: 'Run opsctl inside the project, pass --config <path>, or set OPSCTL_CONFIG.',
      details: { path: null, problems },
    });
  }
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new OpsctlError({
    code: 'CONFIG_INVALID',
    kind: 'user',
    message: `${path} has ${count}:\n${listed}`,
    hint: 'Fix each problem listed above (docs/configuration.md describes every key), then run `opsctl config validate` again.',
    details: { path, problems },
  });
}
