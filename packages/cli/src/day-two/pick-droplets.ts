import { OpsctlError } from '../errors/opsctl-error.js';

/**
 * The droplets a day-two command acts on: all of them, or the one `--droplet` names. An unknown
 * name is refused before anything runs, listing the names there are.
 */
export function pickDroplets<D extends { readonly name: string }>(
  droplets: readonly D[],
  wanted: string | undefined,
  environment: string,
): D[] {
  if (wanted === undefined) return [...droplets];
  const found = droplets.find((d) => d.name === wanted);
  if (found) return [found];
  throw new OpsctlError({
    code: 'DROPLET_UNKNOWN',
    kind: 'user',
    message: `Environment ${environment} has no droplet named "${wanted}".`,
    hint: `Pass one of: ${droplets.map((d) => d.name).join(', ') || '(none)'}; or leave --droplet out.`,
    details: { droplet: wanted, droplets: droplets.map((d) => d.name) },
  });
}

/** The droplet a one-off command runs on by default: the first by name, so it is always the same. */
export function firstByName<D extends { readonly name: string }>(droplets: readonly D[]): D[] {
  const first = [...droplets].sort((a, b) => a.name.localeCompare(b.name))[0];
  return first === undefined ? [] : [first];
}
