import { OpsctlError } from '../errors/opsctl-error.js';
import { REDACTED, Secret } from '../secrets/secret.js';
import type { CommandArg } from './remote-command.js';

// Words made only of these need no quotes in any POSIX shell. "=" is left out of the first word,
// where `A=b` would be read as a variable assignment instead of a program name, and may not
// start a word (zsh expands `=name` to a program path).
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;
const SAFE_FIRST_WORD = /^[A-Za-z0-9_@%+:,./-]+$/;

/**
 * Quote one word for a POSIX shell (sh, dash, bash, zsh): single quotes, with each embedded `'`
 * written as `'\''`. The only quoting function in opsctl; every shell line is built with it.
 */
export function shellQuote(word: string, position: 'first' | 'rest' = 'rest'): string {
  if (word.includes('\0')) {
    throw new OpsctlError({
      code: 'INTERNAL',
      kind: 'bug',
      message: 'A command argument contains a NUL byte, which no shell can pass.',
    });
  }
  if ((position === 'first' ? SAFE_FIRST_WORD : SAFE_WORD).test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The shell line for an argv. `reveal` puts secret values in (only executors pass it);
 * `redact` shows `[redacted]` instead, for listings, logs and errors.
 */
export function shellLine(argv: readonly CommandArg[], secrets: 'reveal' | 'redact'): string {
  return argv
    .map((arg, index) => {
      const position = index === 0 ? 'first' : 'rest';
      if (arg instanceof Secret)
        return secrets === 'reveal' ? shellQuote(arg.reveal(), position) : REDACTED;
      return shellQuote(arg, position);
    })
    .join(' ');
}

/** argv as plain strings with secrets revealed, for executors that start processes directly. */
export function revealArgv(argv: readonly CommandArg[]): string[] {
  return argv.map((arg) => (arg instanceof Secret ? arg.reveal() : arg));
}
