import { EXIT_CODES } from '../errors/exit-codes.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import type { ScanFailure } from './deployment-scan.js';

/** Without knowing what is deployed everywhere, no image can safely be called unused. */
export function deploymentsUnknown(service: string, failures: readonly ScanFailure[]): OpsctlError {
  const where = failures.map(
    (f) => `${f.environment}${f.droplet === undefined ? '' : `/${f.droplet}`}: ${f.error}`,
  );
  return new OpsctlError({
    code: 'PRUNE_STATE_UNKNOWN',
    kind: 'external',
    message: `Cannot tell which images of ${service} are deployed, so nothing was removed:\n  ${where.join('\n  ')}`,
    hint: 'Make every droplet of the environments that use this registry reachable over SSH (opsctl status <env>), then prune again.',
    details: { failures },
  });
}

export function keepInvalid(keep: number): OpsctlError {
  return new OpsctlError({
    code: 'USAGE',
    kind: 'user',
    message: `--keep must be a whole number of at least 1, got ${keep}: the newest image is never removed.`,
    hint: 'Pass --keep 1 or more (deploy.prune.keep in opsctl.yaml is the default).',
  });
}

/** Some removals failed; the result (in details) says which, and what was done. */
export function pruneIncomplete(failures: number, result: unknown): OpsctlError {
  return new OpsctlError({
    code: 'PRUNE_INCOMPLETE',
    kind: 'external',
    exitCode: EXIT_CODES.partial,
    message: `Prune finished with ${failures} failed removal${failures === 1 ? '' : 's'}; everything else was done as listed.`,
    hint: 'Read the failures above (--json: error.details), fix their cause and prune again: it only removes what is still there.',
    details: result,
  });
}
