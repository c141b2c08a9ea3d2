import { EXIT_CODES } from '../../errors/exit-codes.js';
import { OpsctlError } from '../../errors/opsctl-error.js';
import { describeHolder, type ReadHolder } from './holder-record.js';

const reason = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** A droplet did not answer: nothing about the lock there is known, so nothing is decided. */
export const lockUnreachable = (
  environment: string,
  failed: readonly { readonly droplet: string; readonly reason: unknown }[],
): OpsctlError =>
  new OpsctlError({
    code: 'LOCK_UNREACHABLE',
    kind: 'external',
    message: `Could not read the lock of ${environment} on ${failed.map((f) => `${f.droplet} (${reason(f.reason)})`).join(', ')}.`,
    hint: 'Check that the droplet is up and reachable over SSH (opsctl status), then run again. Nothing was changed.',
    details: { droplets: failed.map((f) => ({ droplet: f.droplet, error: reason(f.reason) })) },
  });

/** A live holder (renewed within the TTL) is never released without --force. */
export const releaseRefused = (
  environment: string,
  live: readonly { readonly droplet: string; readonly holder: ReadHolder }[],
): OpsctlError =>
  new OpsctlError({
    code: 'LOCK_RELEASE_REFUSED',
    kind: 'user',
    exitCode: EXIT_CODES.lockHeld,
    message: `The lock of ${environment} is held by a live run (renewed within deploy.lockTtl): ${live.map((l) => `${describeHolder(l.holder)} on ${l.droplet}`).join('; ')}. Nothing was released.`,
    hint: `Wait for it to finish (see opsctl lock status ${environment}); if you are sure it no longer runs, release it with --force.`,
    details: {
      droplets: live.map((l) => ({ droplet: l.droplet, holder: l.holder.record ?? l.holder.raw })),
    },
  });

/**
 * Some droplet's lock was left as it was: its record changed since it was read (renewed by its
 * holder, or taken by another run), or the droplet failed. The exit code says what happened as a
 * whole: 4 when other droplets were released, else 5 when a holder is there, else 3.
 */
export const releaseIncomplete = (
  environment: string,
  problems: readonly string[],
  released: number,
  anyChanged: boolean,
  result: unknown,
): OpsctlError =>
  new OpsctlError({
    code: 'LOCK_RELEASE_INCOMPLETE',
    kind: 'external',
    exitCode:
      released > 0 ? EXIT_CODES.partial : anyChanged ? EXIT_CODES.lockHeld : EXIT_CODES.external,
    message: `The lock of ${environment} was not released on ${problems.join('; ')}. ${released === 0 ? 'Nothing was released.' : `It was released on ${released} droplet${released === 1 ? '' : 's'}.`}`,
    hint: `See who holds it now with opsctl lock status ${environment}; run the release again if it is still abandoned.`,
    details: result,
  });
