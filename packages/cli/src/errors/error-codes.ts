import type { ErrorKind } from './opsctl-error.js';

/**
 * The error codes the framework itself raises. Features add their own codes (for example
 * `DEPLOY_HEALTH_CHECK_FAILED`); list them in docs/exit-codes.md as well. A unit test checks
 * that every code here is documented.
 */
export const ERROR_CODES = {
  USAGE: 'user',
  CONFIG_NOT_FOUND: 'user',
  CONFIG_INVALID: 'user',
  ENVIRONMENT_NOT_SET: 'user',
  ENVIRONMENT_UNKNOWN: 'user',
  SERVICE_UNKNOWN: 'user',
  NOT_IMPLEMENTED: 'user',
  FILE_UNREADABLE: 'user',
  SSH_HOST_KEY_UNKNOWN: 'user',
  SSH_HOST_KEY_MISMATCH: 'user',
  SSH_AUTH_FAILED: 'user',
  SSH_CONNECT_FAILED: 'external',
  SSH_CONNECTION_LOST: 'external',
  COMMAND_FAILED: 'external',
  COMMAND_TIMEOUT: 'external',
  CANCELLED: 'cancelled',
  INTERNAL: 'bug',
} as const satisfies Record<string, ErrorKind>;

export type FrameworkErrorCode = keyof typeof ERROR_CODES;
