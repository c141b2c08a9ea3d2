/** One thing wrong with opsctl.yaml: where (dotted path and/or line) and what. */
export interface ConfigProblem {
  /** Dotted path such as `environments.staging.ssh.port`; empty for syntax errors. */
  readonly path: string;
  readonly message: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
  /** 1-based column, for syntax errors. */
  readonly column?: number;
}

/** `environments.staging.ssh.port: expected number (line 12)` or `line 3, column 5: ...`. */
export function formatProblem(problem: ConfigProblem): string {
  if (problem.path === '') {
    if (problem.line === undefined) return problem.message;
    const column = problem.column === undefined ? '' : `, column ${problem.column}`;
    return `line ${problem.line}${column}: ${problem.message}`;
  }
  const where = problem.line === undefined ? '' : ` (line ${problem.line})`;
  return `${problem.path}: ${problem.message}${where}`;
}

/** Render a path of keys and indexes: `a.b[0].c`, quoting keys that are not plain words. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$-]*$/.test(segment)) {
      out += out === '' ? segment : `.${segment}`;
    } else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
