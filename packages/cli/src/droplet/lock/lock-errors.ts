import { EXIT_CODES } from '../../errors/exit-codes.js';
import { OpsctlError } from '../../errors/opsctl-error.js';
import { describeHolder, type ReadHolder } from './holder-record.js';

/** Where the lock was found taken, for a refusal that names who has it. */
export interface Blocked {
  readonly droplet: string;
  readonly holder: ReadHolder | undefined;
  readonly stale: boolean;
}

const who = (b: Blocked): string =>
  b.holder === undefined
    ? `a run busy with the lock on ${b.droplet}`
    : `${describeHolder(b.holder)} on ${b.droplet}`;

const details = (b: Blocked): Record<string, unknown> => ({
  droplet: b.droplet,
  holder: b.holder?.record ?? b.holder?.raw,
});

export const lockHeld = (environment: string, b: Blocked): OpsctlError =>
  new OpsctlError({
    code: 'DEPLOY_LOCK_HELD',
    kind: 'user',
    exitCode: EXIT_CODES.lockHeld,
    message: `The lock of ${environment} is held by ${who(b)}.`,
    hint: 'Wait for it to finish, or pass --lock-wait 5m to wait for it.',
    details: details(b),
  });

export const lockStale = (environment: string, b: Blocked): OpsctlError =>
  new OpsctlError({
    code: 'DEPLOY_LOCK_STALE',
    kind: 'user',
    exitCode: EXIT_CODES.lockHeld,
    message: `The lock of ${environment} is stale (not renewed within its TTL): held by ${who(b)}.`,
    hint: 'If no deploy, rollback, prune or secrets sync runs, run again with --force-unlock to take it over.',
    details: details(b),
  });
