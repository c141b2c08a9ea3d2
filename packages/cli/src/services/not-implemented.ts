import { OpsctlError } from '../errors/opsctl-error.js';

/** The error of a command whose service is declared but not written yet. */
export function notImplemented(command: string): OpsctlError {
  return new OpsctlError({
    code: 'NOT_IMPLEMENTED',
    kind: 'user',
    message: `"opsctl ${command}" is not available yet: this version of opsctl does not carry it out.`,
    hint: 'Use a version of opsctl that includes this command; `opsctl --help` lists every command.',
  });
}
