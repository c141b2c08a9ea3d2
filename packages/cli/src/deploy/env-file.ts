import { Secret } from '../secrets/secret.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** POSIX sh single quoting: every byte but the quote itself stands for itself. */
const quote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * The runtime env file of a service, as sh assignments. Values with newlines, quotes, `$`, `=` and
 * non-ASCII survive exactly, which docker's --env-file format cannot promise. The result is a
 * Secret: only the executor that writes it to the droplet reveals it.
 */
export function renderEnvFile(values: ReadonlyMap<string, string | Secret>): Secret {
  const lines = ['# Managed by opsctl. Mode 0600; read by the deploy user only.'];
  for (const [name, value] of [...values.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!NAME.test(name)) throw new TypeError(`invalid environment variable name "${name}"`);
    lines.push(`${name}=${quote(typeof value === 'string' ? value : value.reveal())}`);
  }
  return new Secret(`${lines.join('\n')}\n`, 'env file');
}
