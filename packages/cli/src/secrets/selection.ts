import type { SecretDeclaration, SecretTarget } from '../config/types.js';
import { OpsctlError } from '../errors/opsctl-error.js';

export type TargetKind = SecretTarget['kind'];

export interface SelectionOptions {
  /** --only: these names (default: every declared secret). */
  readonly only: readonly string[] | undefined;
  /** --target: these kinds of target (default: all). */
  readonly kinds: readonly TargetKind[] | undefined;
}

/**
 * The declared secrets a run acts on, each with only the targets asked for. An unknown name is
 * refused with the declared ones listed, before anything is read or sent.
 */
export function selectSecrets(
  declared: readonly SecretDeclaration[],
  environment: string,
  options: SelectionOptions,
): SecretDeclaration[] {
  const names = declared.map((s) => s.name);
  const unknown = (options.only ?? []).filter((n) => !names.includes(n));
  if (unknown.length > 0) {
    throw new OpsctlError({
      code: 'SECRET_UNKNOWN',
      kind: 'user',
      message: `${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not declared in environment ${environment} (declared: ${names.join(', ') || 'none'}).`,
      hint: `Declare it under environments.${environment}.secrets in opsctl.yaml, or fix the name given to --only.`,
    });
  }
  return declared
    .filter((s) => options.only === undefined || options.only.includes(s.name))
    .map((s) => ({
      ...s,
      targets: s.targets.filter(
        (t) => options.kinds === undefined || options.kinds.includes(t.kind),
      ),
    }))
    .filter((s) => s.targets.length > 0);
}
