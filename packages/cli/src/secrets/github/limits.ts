import type { Secret } from '../secret.js';

/** GitHub stores secret values of at most 48 KB. */
export const GITHUB_SECRET_MAX_BYTES = 48 * 1024;

/**
 * Why GitHub would refuse this secret name, or undefined when it is acceptable: only
 * `[A-Za-z0-9_]`, not starting with a digit, not starting with `GITHUB_`.
 */
export function githubNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9_]+$/.test(name)) return 'GitHub secret names use only letters, digits and _';
  if (/^[0-9]/.test(name)) return 'GitHub secret names cannot start with a digit';
  if (/^GITHUB_/i.test(name)) return 'GitHub secret names cannot start with GITHUB_';
  return undefined;
}

/** Why GitHub would refuse this value (too large), checked before anything is sent. */
export function githubValueProblem(value: Secret): string | undefined {
  const bytes = Buffer.byteLength(value.reveal(), 'utf8');
  return bytes > GITHUB_SECRET_MAX_BYTES
    ? `the value is ${bytes} bytes; GitHub stores at most ${GITHUB_SECRET_MAX_BYTES} (48 KB)`
    : undefined;
}
