import type { ServerHostKeyAlgorithm } from 'ssh2';

// The signature algorithms that prove possession of each known_hosts key type.
const ALGORITHMS_BY_KEY_TYPE: Readonly<Record<string, readonly ServerHostKeyAlgorithm[]>> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
};

/**
 * Ask the server only for key types known_hosts lists for it (as OpenSSH does), so a host with
 * several keys is not reported as changed just because it offered a type we have no line for.
 * Undefined means "no preference" (the host is unknown and will be rejected anyway).
 */
export function hostKeyAlgorithmsFor(
  keyTypes: readonly string[],
): ServerHostKeyAlgorithm[] | undefined {
  const algorithms = keyTypes.flatMap((type) => ALGORITHMS_BY_KEY_TYPE[type] ?? []);
  return algorithms.length > 0 ? algorithms : undefined;
}
