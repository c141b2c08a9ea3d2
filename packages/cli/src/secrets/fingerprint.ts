import { createHmac } from 'node:crypto';
import { OpsctlError } from '../errors/opsctl-error.js';
import type { Redactor } from './redactor.js';
import { Secret } from './secret.js';
import type { ValueSource } from './values/value-source.js';

/** The setting that holds the fingerprint key (environment, `.env.<env>` or stdin). */
export const FINGERPRINT_KEY_NAME = 'OPSCTL_FINGERPRINT_KEY';
const MIN_KEY_LENGTH = 32;
const VERSION = 'v1';

/**
 * A keyed hash of a secret value, so opsctl can tell whether a target holds the current value
 * without reading it back. HMAC-SHA256 under a key only opsctl's operators hold: a fingerprint
 * stored beside a target (where more people can read it than the secret) reveals nothing, and
 * cannot be checked against guesses of a weak value by someone without the key. The secret's name
 * is part of the input, so two secrets with the same value get different fingerprints.
 */
export function fingerprint(key: Secret, name: string, value: Secret): string {
  const mac = createHmac('sha256', key.reveal())
    .update(`opsctl-secret-fingerprint/${VERSION}\0${name}\0`)
    .update(value.reveal(), 'utf8')
    .digest('base64url');
  return `${VERSION}:${mac}`;
}

/** The fingerprint key of this run, registered with the redactor; an error says how to make one. */
export function readFingerprintKey(source: ValueSource, redactor: Redactor): Secret {
  const found = source.get(FINGERPRINT_KEY_NAME);
  if (found === undefined || found.value.length < MIN_KEY_LENGTH) {
    throw new OpsctlError({
      code: 'SECRET_FINGERPRINT_KEY_MISSING',
      kind: 'user',
      message:
        found === undefined
          ? `${FINGERPRINT_KEY_NAME} is not set; opsctl needs it to compare secrets without reading them back.`
          : `${FINGERPRINT_KEY_NAME} is shorter than ${MIN_KEY_LENGTH} characters.`,
      hint: `Make one with \`openssl rand -base64 32\`, keep it with the environment's other secrets (CI secret, or ${source.file}), and use the same key everywhere opsctl syncs this environment. See docs/runbooks/secrets.md.`,
    });
  }
  redactor.add(found.value);
  return new Secret(found.value, FINGERPRINT_KEY_NAME);
}
