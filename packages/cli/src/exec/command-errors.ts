import { OpsctlError } from '../errors/opsctl-error.js';
import type { Redactor } from '../secrets/redactor.js';
import type { RunResult } from './executor.js';
import type { RemoteCommand } from './remote-command.js';
import { shellLine } from './shell-quote.js';

/** How many trailing stderr lines a failure message carries. */
const STDERR_TAIL_LINES = 10;

/** "pull the image (docker pull ...)" — the description when there is one, always redacted. */
export function describeCommand(command: RemoteCommand): string {
  const line = shellLine(command.argv, 'redact');
  return command.description ? `${command.description} (${line})` : line;
}

/** The error every executor throws for a non-zero exit. */
export function commandFailed(
  command: RemoteCommand,
  target: string,
  result: RunResult,
  redactor: Redactor | undefined,
): OpsctlError {
  const tail = command.sensitive
    ? '(output hidden: the command handles secrets)'
    : lastLines(result.stderr || result.stdout, STDERR_TAIL_LINES);
  const text = `${describeCommand(command)} failed on ${target} with exit code ${result.exitCode}${
    tail ? `:\n${tail}` : '.'
  }`;
  return new OpsctlError({
    code: 'COMMAND_FAILED',
    kind: 'external',
    message: redactor ? redactor.redact(text) : text,
    hint: `Read the output above; run with --verbose for every command, or run it by hand on ${target}.`,
    details: { target, exitCode: result.exitCode },
  });
}

export function commandTimedOut(
  command: RemoteCommand,
  target: string,
  timeoutMs: number,
): OpsctlError {
  return new OpsctlError({
    code: 'COMMAND_TIMEOUT',
    kind: 'external',
    message: `${describeCommand(command)} on ${target} did not finish within ${timeoutMs} ms and was stopped.`,
    hint: `Check what the command waits for on ${target}, or allow it more time.`,
  });
}

export function commandCancelled(command: RemoteCommand, target: string): OpsctlError {
  return new OpsctlError({
    code: 'CANCELLED',
    kind: 'cancelled',
    message: `Cancelled while running ${describeCommand(command)} on ${target}.`,
  });
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
