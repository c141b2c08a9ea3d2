import { OpsctlError } from '../../errors/opsctl-error.js';

/**
 * A file opsctl keeps on a droplet does not hold what opsctl writes there: hand-edited, written
 * by another version, or damaged. Named with the droplet and the path so it can be inspected.
 */
export const malformedDropletFile = (target: string, file: string, problem: string): OpsctlError =>
  new OpsctlError({
    code: 'DROPLET_FILE_MALFORMED',
    kind: 'external',
    message: `${file} on ${target} is malformed: ${problem}.`,
    hint: `Inspect ${file} on that droplet; restore it from a backup, or remove the bad entry, then run again.`,
    details: { droplet: target, file },
  });
