import { z } from 'zod';

/** A commit SHA as opsctl records it: 4 to 40 hex characters, or a `<sha12>-dirty` build. */
export const recordedSha = z
  .string()
  .regex(/^([0-9a-f]{4,40}|[0-9a-f]{12}-dirty)$/, 'not a commit SHA');

/** A manifest digest: `sha256:` and 64 hex characters. */
export const recordedDigest = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/, 'not a sha256 digest (sha256: and 64 hex characters)');

/**
 * An image reference read back from a droplet. It reaches docker's argv, where a value starting
 * with "-" would be read as an option (`--privileged`), so only reference characters are taken.
 */
export const recordedImage = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._:/@-]*$/i,
    'not an image reference (it must start with a letter or digit; a leading "-" would reach docker as an option)',
  );

/** A container name as Docker allows it; it reaches `docker stop` and `docker rm`. */
export const recordedContainer = z
  .string()
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
    'not a container name (it must start with a letter or digit; a leading "-" would reach docker as an option)',
  );

/** zod's first problem as `field: message`, for an error naming the file. */
export const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.join('.') || 'record'}: ${issue.message}`;
};
