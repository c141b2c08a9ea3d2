import { OpsctlError } from '../errors/opsctl-error.js';

/** Environment variables `OPSCTL_BUILD_ARG_<NAME>=value` set build argument NAME. */
export const BUILD_ARG_ENV_PREFIX = 'OPSCTL_BUILD_ARG_';

const AUTOMATIC_ARGS = ['GIT_SHA', 'VERSION', 'BUILT_AT', 'SOURCE_URL', 'EXTRA_CA_CERTS'] as const;

/** The build arguments opsctl fills in itself, from git and the machine. */
export interface AutomaticArgs {
  readonly GIT_SHA: string;
  readonly VERSION: string;
  readonly BUILT_AT: string;
  readonly SOURCE_URL: string | undefined;
  /** PEM text of NODE_EXTRA_CA_CERTS, for builds behind a TLS-inspecting proxy. */
  readonly EXTRA_CA_CERTS: string | undefined;
}

export interface BuildArgSources {
  /** `buildArgs` of the service in opsctl.yaml. */
  readonly config: Readonly<Record<string, string>>;
  /** The run's environment: `OPSCTL_BUILD_ARG_*` variables are read from it. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--build-arg NAME=value` flags. */
  readonly flags: readonly string[];
  readonly automatic: AutomaticArgs;
  /** ARG names the Dockerfile declares: automatic arguments go only where they are declared. */
  readonly declared: ReadonlySet<string>;
}

export interface ResolvedBuildArgs {
  readonly args: ReadonlyMap<string, string>;
  /** Values opsctl set over a user-given one (the commit a build reports cannot be overridden). */
  readonly overridden: readonly string[];
}

/**
 * The build arguments of one build. Precedence, lowest first: opsctl.yaml `buildArgs`,
 * `OPSCTL_BUILD_ARG_<NAME>` variables, `--build-arg` flags. This is how one service is built
 * differently per place without a second Dockerfile, e.g. the local environment's base image:
 * `OPSCTL_BUILD_ARG_BASE_IMAGE=opsctl-local/node:24` (or `--build-arg BASE_IMAGE=...`).
 * Then opsctl's own (GIT_SHA, VERSION, BUILT_AT, SOURCE_URL) replace any user value: an image must
 * not claim another commit. EXTRA_CA_CERTS comes from NODE_EXTRA_CA_CERTS unless given explicitly.
 */
export function resolveBuildArgs(sources: BuildArgSources): ResolvedBuildArgs {
  const args = new Map<string, string>(Object.entries(sources.config));
  for (const [name, value] of Object.entries(sources.env)) {
    if (name.startsWith(BUILD_ARG_ENV_PREFIX) && value !== undefined) {
      args.set(checkedName(name.slice(BUILD_ARG_ENV_PREFIX.length), name), value);
    }
  }
  for (const flag of sources.flags) {
    const eq = flag.indexOf('=');
    if (eq < 0) throw badFlag(flag);
    args.set(checkedName(flag.slice(0, eq), `--build-arg ${flag}`), flag.slice(eq + 1));
  }
  const overridden: string[] = [];
  for (const name of AUTOMATIC_ARGS) {
    const value = sources.automatic[name];
    if (value === undefined || !sources.declared.has(name)) continue;
    const given = args.get(name);
    if (given !== undefined && given !== value && name !== 'EXTRA_CA_CERTS') overridden.push(name);
    if (given === undefined || name !== 'EXTRA_CA_CERTS') args.set(name, value);
  }
  return { args, overridden };
}

function checkedName(name: string, where: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name;
  throw new OpsctlError({
    code: 'BUILD_ARG_INVALID',
    kind: 'user',
    message: `${where}: "${name}" is not a build argument name (letters, digits and _, not starting with a digit).`,
    hint: 'Write build arguments as NAME=value, e.g. --build-arg BASE_IMAGE=node:24-alpine.',
  });
}

function badFlag(flag: string): OpsctlError {
  return new OpsctlError({
    code: 'BUILD_ARG_INVALID',
    kind: 'user',
    message: `--build-arg "${flag}" has no "=": write it as NAME=value.`,
    hint: 'For example --build-arg BASE_IMAGE=node:24-alpine.',
  });
}
