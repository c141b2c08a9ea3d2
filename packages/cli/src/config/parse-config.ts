import { dirname } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { issuesToProblems } from './issues-to-problems.js';
import type { ConfigProblem } from './problem.js';
import { resolveConfig } from './resolve-config.js';
import { opsctlConfigSchema } from './schema/opsctl-config.js';
import type { LoadedConfig } from './types.js';

/** Either the configuration, or every problem found in it. Loading never throws. */
export type ConfigLoadResult =
  | { readonly ok: true; readonly loaded: LoadedConfig }
  | { readonly ok: false; readonly path: string | undefined; readonly problems: ConfigProblem[] };

export interface ParseConfigOptions {
  /** Absolute path of the file; relative paths inside resolve against its directory. */
  readonly path: string;
  /** Home directory for `~` (defaults to the current user's). */
  readonly home?: string;
}

/** Parse and validate the text of an opsctl.yaml. Pure: reads no files. */
export function parseConfigText(text: string, options: ParseConfigOptions): ConfigLoadResult {
  const fail = (problems: ConfigProblem[]): ConfigLoadResult => ({
    ok: false,
    path: options.path,
    problems,
  });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return {
          path: '',
          message: error.message.split('\n')[0] ?? error.message,
          line,
          column: col,
        };
      }),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) {
    return fail([
      { path: '', message: 'the file is empty; see docs/configuration.md for its keys' },
    ]);
  }
  const parsed = opsctlConfigSchema.safeParse(data);
  if (!parsed.success) {
    const lineOf = (path: readonly PropertyKey[]) => lineOfPath(doc, lineCounter, path);
    return fail(issuesToProblems(parsed.error.issues, opsctlConfigSchema, lineOf));
  }
  const config = resolveConfig(parsed.data, dirname(options.path), options.home);
  return { ok: true, loaded: { config, path: options.path } };
}

/** Line of the deepest YAML node on `path` (the key itself when the last segment is a key). */
function lineOfPath(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents as { range?: number[] } | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown }).value) === String(segment),
      );
      if (!pair) break;
      offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      offset = (node as { range?: number[] } | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}
