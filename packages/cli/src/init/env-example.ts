const ASSIGNED_NAME = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm;

/** The variable names a .env file assigns. */
export function envFileNames(text: string): Set<string> {
  return new Set([...text.matchAll(ASSIGNED_NAME)].map((m) => m[1] ?? ''));
}

/**
 * .env.example with an empty `NAME=` line for each secret it does not list yet, appended after
 * what is there; undefined when every name is already listed (nothing to write). Values are never
 * written: the file is committed, and says only which variables to set.
 */
export function appendEnvExample(
  existing: string | undefined,
  secrets: readonly string[],
): string | undefined {
  const listed = envFileNames(existing ?? '');
  const missing = [...new Set(secrets)].filter((name) => !listed.has(name));
  if (missing.length === 0) return undefined;
  const lines = [
    '# Secrets opsctl.yaml declares. Values: GitHub environment secrets in CI, or .env.<environment>',
    '# on your machine (keep that file out of git).',
    ...missing.map((name) => `${name}=`),
  ].join('\n');
  const before = existing ?? '';
  const separator = before === '' ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  return `${before}${separator}${lines}\n`;
}
