/**
 * Names a service may not set in its container: each changes how the process, the loader or a
 * Docker client behaves (PATH and LD_PRELOAD pick what runs, DOCKER_HOST where a client connects),
 * so a value in opsctl.yaml or a synced secret would be code execution, not configuration.
 */
const RESERVED_NAMES = new Set([
  'PATH',
  'HOME',
  'SHELL',
  'IFS',
  'ENV',
  'BASH_ENV',
  'NODE_OPTIONS',
  'NODE_PATH',
  'PYTHONPATH',
  'PYTHONSTARTUP',
  'PERL5LIB',
  'PERL5OPT',
  'RUBYOPT',
  'RUBYLIB',
  'JAVA_TOOL_OPTIONS',
  'GCONV_PATH',
  'SSH_AUTH_SOCK',
]);

/** Whole families: the dynamic loader's, Docker's, and bash's exported functions. */
const RESERVED_PREFIXES = ['LD_', 'DYLD_', 'DOCKER_', 'BASH_FUNC_'];

/** The reserved names and families, as docs/configuration.md lists them: `PATH, HOME, ..., LD_*`. */
export const reservedEnvNamesList = (): string =>
  [...RESERVED_NAMES, ...RESERVED_PREFIXES.map((prefix) => `${prefix}*`)].join(', ');

/** Why `name` may not be used, or undefined when it may. */
export function reservedEnvName(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (RESERVED_NAMES.has(upper)) {
    return `${name} is reserved: it changes how the container's processes start or run; choose an application-specific name such as APP_${upper}`;
  }
  const prefix = RESERVED_PREFIXES.find((p) => upper.startsWith(p));
  if (prefix !== undefined) {
    return `names starting with ${prefix} are reserved (${name} would change how the loader, a shell or a Docker client behaves); choose an application-specific name`;
  }
  return undefined;
}
