/** A `uses:` line of a workflow: the action, the ref it is pinned to and the comment after it. */
export interface ActionRef {
  readonly action: string;
  readonly ref: string;
  readonly comment: string | undefined;
  readonly line: number;
}

/**
 * Reads `uses:` lines from the workflow's text (the comment that names the version is not in
 * the parsed YAML). Local actions (`./…`) and `docker://` images are not listed.
 */
export function actionRefs(source: string): ActionRef[] {
  return source.split('\n').flatMap((text, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s@#]+)@([^'"\s#]+)['"]?\s*(?:#\s*(.*))?$/.exec(text);
    if (m === null) return [];
    return [{ action: m[1] ?? '', ref: m[2] ?? '', comment: m[3]?.trim(), line: i + 1 }];
  });
}

/**
 * The pin policy: a full 40-character commit SHA (a tag can be moved, a commit cannot) with the
 * release it was resolved from as a `# vX.Y.Z` comment, and one SHA per action across the file.
 */
export function pinProblems(refs: readonly ActionRef[]): string[] {
  const problems: string[] = [];
  const byAction = new Map<string, string>();
  for (const r of refs) {
    const where = `line ${r.line}: ${r.action}@${r.ref}`;
    if (!/^[0-9a-f]{40}$/.test(r.ref)) problems.push(`${where} is not pinned to a full commit SHA`);
    if (r.comment === undefined || !/^v?\d+\.\d+\.\d+$/.test(r.comment)) {
      problems.push(
        `${where} has no "# vX.Y.Z" comment naming the release the SHA was resolved from`,
      );
    }
    const key = r.action.split('/').slice(0, 2).join('/');
    const earlier = byAction.get(key);
    if (earlier !== undefined && earlier !== r.ref)
      problems.push(`${where} differs from the SHA used earlier (${earlier})`);
    byAction.set(key, r.ref);
  }
  return problems;
}
