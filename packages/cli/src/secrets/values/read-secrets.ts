import { OpsctlError } from '../../errors/opsctl-error.js';
import { MIN_MASKED_LENGTH, type Redactor } from '../redactor.js';
import { Secret } from '../secret.js';
import type { ValueSource } from './value-source.js';

/**
 * The values of `names` as {@link Secret}s, each registered with the redactor the moment it is
 * read (under GitHub Actions that prints its `::add-mask::` before anything uses it). Every
 * missing name is reported at once; nothing is returned unless all are there.
 */
export function readSecrets(
  source: ValueSource,
  names: readonly string[],
  redactor: Redactor,
  environment: string,
): Map<string, Secret> {
  const values = new Map<string, Secret>();
  const missing: string[] = [];
  const short: string[] = [];
  for (const name of names) {
    const found = source.get(name);
    if (found === undefined) {
      missing.push(name);
      continue;
    }
    if (!redactor.add(found.value)) short.push(name);
    values.set(name, new Secret(found.value, name));
  }
  if (missing.length > 0) {
    const them = missing.length > 1 ? 'them' : 'it';
    throw new OpsctlError({
      code: 'SECRET_MISSING',
      kind: 'user',
      message: `No value for secret${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of environment ${environment}.`,
      hint: `Set ${them} in the environment (CI), in ${source.file} (gitignored), or pipe KEY=value lines with --stdin where the command has it; never as an argument.`,
      details: { missing },
    });
  }
  if (short.length > 0) {
    throw new OpsctlError({
      code: 'SECRET_TOO_SHORT',
      kind: 'user',
      message: `The value of ${short.join(', ')} is shorter than ${MIN_MASKED_LENGTH} characters, too short to mask in output.`,
      hint: 'A value that short is no secret: generate a real one (e.g. `openssl rand -base64 32`).',
      details: { names: short },
    });
  }
  return values;
}
