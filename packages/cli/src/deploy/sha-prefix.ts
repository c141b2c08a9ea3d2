import { OpsctlError } from '../errors/opsctl-error.js';

const SHA_PREFIX = /^[0-9a-f]{4,40}$/;

/** A `--sha` as given: 4 to 40 hex characters (any case), checked before anything is looked up. */
export function checkShaPrefix(sha: string): string {
  const wanted = sha.trim().toLowerCase();
  if (!SHA_PREFIX.test(wanted)) {
    throw new OpsctlError({
      code: 'INVALID_SHA',
      kind: 'user',
      message: `--sha "${sha}" is not a commit SHA: it must be 4 to 40 hex characters (0-9, a-f).`,
      hint: 'Pass a commit such as abc1234 (opsctl releases lists the released ones).',
    });
  }
  return wanted;
}

/** A prefix that names more than one release or image is refused, never resolved to the newest. */
export const ambiguousSha = (
  sha: string,
  candidates: readonly string[],
  where: string,
): OpsctlError =>
  new OpsctlError({
    code: 'AMBIGUOUS_SHA',
    kind: 'user',
    message: `--sha ${sha} matches several releases in ${where}: ${candidates.join(', ')}.`,
    hint: 'Pass more characters of the SHA, enough to name one of them.',
    details: { candidates },
  });
