import { writeFileAtomic } from '../../deploy/commands/files.js';
import { NAMES_HEADER } from '../../deploy/env-file.js';
import type { RemoteCommand } from '../../exec/remote-command.js';
import type { Secret } from '../secret.js';

/** Where the fingerprints of a service's env file live: beside it, readable without the values. */
export const fingerprintsPath = (envFile: string): string => `${envFile}.fingerprints`;

const FINGERPRINTS_MARK = '--- opsctl fingerprints';

/**
 * Reads what `opsctl secrets` needs from a droplet without any value leaving it: the names line
 * of the env file's comment header (sed stops at the first line that is not a comment, before any
 * assignment) and the fingerprints file beside it.
 */
export const readEnvMeta = (envFile: string): RemoteCommand => ({
  argv: [
    'sh',
    '-c',
    `if [ -f "$1" ]; then sed -n '/^[^#]/q; s/^${NAMES_HEADER}//p' "$1"; fi; echo '${FINGERPRINTS_MARK}'; if [ -f "$2" ]; then cat "$2"; fi`,
    'sh',
    envFile,
    fingerprintsPath(envFile),
  ],
  description: `read the names and fingerprints of ${envFile}`,
  readOnly: true,
});

export interface EnvMeta {
  /** Names the env file declares; undefined when there is no env file. */
  readonly names: ReadonlySet<string> | undefined;
  readonly fingerprints: string;
}

export function parseEnvMeta(stdout: string): EnvMeta {
  const at = stdout.indexOf(FINGERPRINTS_MARK);
  const head = (at === -1 ? stdout : stdout.slice(0, at)).trim();
  const fingerprints = at === -1 ? '' : stdout.slice(at + FINGERPRINTS_MARK.length).trim();
  return {
    names: head === '' ? undefined : new Set(head.split(/\s+/)),
    fingerprints,
  };
}

/** The env file (values over stdin, never argv), then its fingerprints, each written atomically with mode 0600. */
export const writeEnvFiles = (
  envFile: string,
  content: Secret,
  fingerprints: string,
): RemoteCommand[] => [
  writeFileAtomic(envFile, content, '0600'),
  writeFileAtomic(fingerprintsPath(envFile), `${fingerprints}\n`, '0600'),
];
