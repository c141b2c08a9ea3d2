import {
  FINGERPRINTS_MARK,
  fingerprintsPath,
  writeEnvFile,
} from '../../deploy/commands/env-files.js';
import { NAMES_HEADER } from '../../deploy/env-file.js';
import type { RemoteCommand } from '../../exec/remote-command.js';
import type { Secret } from '../secret.js';

export interface EnvMeta {
  /** Names the env file declares; undefined when there is no env file. */
  readonly names: ReadonlySet<string> | undefined;
  readonly fingerprints: string;
}

/** The names line of the header (the helper prints only the comment lines at the top) and the fingerprints. */
export function parseEnvMeta(stdout: string): EnvMeta {
  const at = stdout.indexOf(FINGERPRINTS_MARK);
  const head = at === -1 ? stdout : stdout.slice(0, at);
  const fingerprints = at === -1 ? '' : stdout.slice(at + FINGERPRINTS_MARK.length).trim();
  const namesLine = head.split('\n').find((line) => line.startsWith(NAMES_HEADER));
  return {
    names:
      namesLine === undefined
        ? undefined
        : new Set(namesLine.slice(NAMES_HEADER.length).split(/\s+/).filter(Boolean)),
    fingerprints,
  };
}

/** The env file (values over stdin, never argv), then its fingerprints, each written atomically by the helper. */
export const writeEnvFiles = (
  envFile: string,
  content: Secret,
  fingerprints: string,
  note: string,
  helper?: readonly string[],
): RemoteCommand[] => [
  writeEnvFile(envFile, content, note, helper),
  writeEnvFile(fingerprintsPath(envFile), `${fingerprints}\n`, '', helper),
];
