/**
 * What opsctl writes beside opsctl.yaml that must never be committed: `.env.<environment>` files
 * hold secret values, and `.opsctl/` holds state (the local environment's keys, CAs and logs).
 */
export const IGNORED_ENTRIES = ['.env.*', '!.env.example', '.opsctl/'] as const;

/**
 * .gitignore with the entries it does not have yet appended after what is there; undefined when
 * it has them all (nothing to write).
 */
export function appendGitignore(existing: string | undefined): string | undefined {
  const listed = new Set((existing ?? '').split('\n').map((line) => line.trim()));
  const missing = IGNORED_ENTRIES.filter((entry) => !listed.has(entry));
  if (missing.length === 0) return undefined;
  const lines = [
    '# Written by opsctl: secret values (.env.<environment>) and local state.',
    ...missing,
  ];
  const before = existing ?? '';
  const separator = before === '' ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  return `${before}${separator}${lines.join('\n')}\n`;
}
