import type { ErrorKind } from './opsctl-error.js';

/** The hint shown when an error does not carry its own: every error tells the user what to do. */
export const DEFAULT_HINTS: Readonly<Record<ErrorKind, string>> = {
  user: 'Fix the problem above and run the command again.',
  external:
    'Check that the system named above is reachable and healthy, then run again (--verbose shows more).',
  bug: 'This is a bug in opsctl. Run again with --verbose to see the stack trace and report it.',
  cancelled: 'Run the command again when ready.',
};
