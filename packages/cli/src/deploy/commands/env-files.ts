import { basename, dirname } from 'node:path';
import type { RemoteCommand } from '../../exec/remote-command.js';
import type { Secret } from '../../secrets/secret.js';

/**
 * Env files on a droplet are root's (0600 in the root-only /etc/opsctl/env). The deploy user
 * reaches them only through this helper, run with sudo: infrastructure/ansible/roles/opsctl_layout/
 * files/opsctl-env, installed by Ansible and in the local droplet image.
 */
export const ENV_HELPER: readonly string[] = ['sudo', '-n', '/usr/local/sbin/opsctl-env'];

/** The one directory env files live in (the config allows no other). */
export const ENV_DIR = '/etc/opsctl/env';

/** Where the fingerprints of a service's env file live: beside it, readable without the values. */
export const fingerprintsPath = (envFile: string): string => `${envFile}.fingerprints`;

/** The line the helper prints between an env file's comment header and its fingerprints. */
export const FINGERPRINTS_MARK = '--- fingerprints';

/** The helper names files, not paths: the file's name in {@link ENV_DIR}. */
function nameIn(envFile: string): string {
  if (dirname(envFile) !== ENV_DIR) {
    throw new TypeError(`env file ${envFile} is not in ${ENV_DIR}`);
  }
  return basename(envFile);
}

/**
 * Writes stdin to the env file atomically (root:root 0600). The helper logs the write with
 * `note` (what and who; never a value) on the droplet's secrets audit log.
 */
export const writeEnvFile = (
  envFile: string,
  content: string | Secret,
  note: string,
  helper: readonly string[] = ENV_HELPER,
): RemoteCommand => ({
  argv: [...helper, 'write', nameIn(envFile), note],
  stdin: content,
  description: `write ${envFile}`,
});

/** The env file's comment header (its names), the mark, then its fingerprints: no value leaves the droplet. */
export const readEnvHeader = (
  envFile: string,
  helper: readonly string[] = ENV_HELPER,
): RemoteCommand => ({
  argv: [...helper, 'header', nameIn(envFile)],
  description: `read the names and fingerprints of ${envFile}`,
  readOnly: true,
});

/**
 * The prefix that runs `docker run ...` with the env file's variables in its environment (the
 * helper evaluates the file as the calling user: POSIX sh assignments, so values with newlines and
 * quotes survive exactly, which docker's --env-file cannot carry).
 */
export const withEnvFile = (envFile: string, helper: readonly string[] = ENV_HELPER): string[] => [
  ...helper,
  'run',
  nameIn(envFile),
];
