/**
 * The exit codes opsctl ends with. docs/exit-codes.md documents the same table; a unit test
 * keeps the two identical, so scripts and CI can rely on these numbers.
 */
export const EXIT_CODES = {
  ok: 0,
  bug: 1,
  user: 2,
  external: 3,
  partial: 4,
  lockHeld: 5,
  cancelled: 130,
} as const;

export type ExitCodeName = keyof typeof EXIT_CODES;
export type ExitCode = (typeof EXIT_CODES)[ExitCodeName];

/** What each exit code means, as the documentation states it. */
export const EXIT_CODE_MEANINGS: Readonly<Record<ExitCodeName, string>> = {
  ok: 'The command did what was asked.',
  bug: 'Unexpected failure inside opsctl, or an error of unknown origin.',
  user: 'Bad usage or configuration: fix the flag, argument or opsctl.yaml and run again.',
  external:
    'An external system failed: SSH, a remote command, Docker, the registry or a cloud API.',
  partial: 'Part of the work succeeded and part failed; the result says which part.',
  lockHeld: 'Another run holds the deploy lock; nothing was changed.',
  cancelled: 'Interrupted by the user (Ctrl-C); work stopped at a safe point.',
};

/** One row of the documented table. */
export interface ExitCodeRow {
  readonly code: ExitCode;
  readonly name: ExitCodeName;
  readonly meaning: string;
}

/** The exit-code table in ascending order of code, the shape docs/exit-codes.md presents. */
export function exitCodeTable(): ExitCodeRow[] {
  return (Object.keys(EXIT_CODES) as ExitCodeName[])
    .map((name) => ({ code: EXIT_CODES[name], name, meaning: EXIT_CODE_MEANINGS[name] }))
    .sort((a, b) => a.code - b.code);
}
