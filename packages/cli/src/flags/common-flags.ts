import { Args, Flags } from '@oclif/core';
import { parseDuration } from '../config/duration.js';

/**
 * Flag and argument definitions shared by commands, so the same option is spelled, described
 * and bound to the same environment variable everywhere.
 */

/** Optional environment argument: else OPSCTL_ENV, else `defaultEnvironment` in opsctl.yaml. */
export const environmentArg = Args.string({
  name: 'env',
  required: false,
  description:
    'Environment to act on (default: $OPSCTL_ENV, else defaultEnvironment in opsctl.yaml).',
});

export const serviceFlag = (
  summary = 'Service to act on (default: every service in opsctl.yaml).',
) => Flags.string({ summary, env: 'OPSCTL_SERVICE' });

export const dryRunFlag = () =>
  Flags.boolean({
    summary: 'Print the exact commands that would run, per host, and change nothing.',
    env: 'OPSCTL_DRY_RUN',
  });

/** A duration flag such as `--lock-wait 2m`, parsed to milliseconds. */
export const durationFlag = Flags.custom<number>({
  parse: (input) => {
    const parsed = parseDuration(input);
    if (!parsed.ok) throw new Error(parsed.message);
    return Promise.resolve(parsed.ms);
  },
});

export const lockWaitFlag = () =>
  durationFlag({
    summary:
      'How long to wait for another deploy, rollback, prune or secrets sync to release the environment lock, e.g. 2m (default: do not wait).',
    env: 'OPSCTL_LOCK_WAIT',
    helpValue: '<duration>',
  });

export const forceUnlockFlag = () =>
  Flags.boolean({
    summary:
      'Take over an abandoned lock (not renewed within deploy.lockTtl), only if it is unchanged since it was read.',
  });

export const shaFlag = (summary: string) => Flags.string({ summary, env: 'OPSCTL_SHA' });

/** `--only a,b`: the secrets a secrets command acts on (default: every declared one). */
export const secretNamesFlag = (summary: string) =>
  Flags.string({ summary, multiple: true, delimiter: ',' });

/** `--target droplets,github`: the kinds of target a secrets command acts on. */
export const secretTargetsFlag = (summary: string) =>
  Flags.option({
    options: ['droplets', 'github', 'vercel'] as const,
    multiple: true,
    delimiter: ',',
  })({ summary });
