import { Secret } from '../secrets/secret.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** POSIX sh single quoting: every byte but the quote itself stands for itself. */
const quote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/** The header line naming the file's variables, so presence can be read without the values. */
export const NAMES_HEADER = '# opsctl-names: ';

/**
 * The runtime env file of a service, as sh assignments. Values with newlines, quotes, `$`, `=` and
 * non-ASCII survive exactly, which docker's --env-file format cannot promise. The result is a
 * Secret: only the executor that writes it to the droplet reveals it. A comment header lists the
 * names, so `opsctl secrets` can tell what the file holds by reading the header alone.
 */
export function renderEnvFile(values: ReadonlyMap<string, string | Secret>): Secret {
  const sorted = [...values.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = [
    '# Managed by opsctl (deploy and secrets sync). Mode 0600; never copy it into an image.',
    `${NAMES_HEADER}${sorted.map(([name]) => name).join(' ')}`,
  ];
  for (const [name, value] of sorted) {
    if (!NAME.test(name)) throw new TypeError(`invalid environment variable name "${name}"`);
    lines.push(`${name}=${quote(typeof value === 'string' ? value : value.reveal())}`);
  }
  return new Secret(`${lines.join('\n')}\n`, 'env file');
}
