import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseConfigText, type ConfigLoadResult } from './parse-config.js';

export const CONFIG_FILE_NAME = 'opsctl.yaml';

export interface LoadConfigOptions {
  /** An explicit file (--config / OPSCTL_CONFIG), relative to `cwd`. */
  readonly path?: string | undefined;
  /** Where to start looking for opsctl.yaml, walking up to the root. */
  readonly cwd: string;
  readonly home?: string;
}

/** Read and validate opsctl.yaml. Never throws: problems come back in the result. */
export async function loadConfig(options: LoadConfigOptions): Promise<ConfigLoadResult> {
  const path =
    options.path === undefined
      ? await findConfigFile(options.cwd)
      : resolve(options.cwd, options.path);
  if (path === undefined) {
    return {
      ok: false,
      path: undefined,
      problems: [
        {
          path: '',
          message: `no ${CONFIG_FILE_NAME} in ${options.cwd} or any parent directory; create one (see docs/configuration.md) or pass --config`,
        },
      ],
    };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : String(error);
    return { ok: false, path, problems: [{ path: '', message: `cannot read ${path}: ${reason}` }] };
  }
  return parseConfigText(text, {
    path,
    ...(options.home === undefined ? {} : { home: options.home }),
  });
}

/** The nearest opsctl.yaml in `start` or one of its parents. */
export async function findConfigFile(start: string): Promise<string | undefined> {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    const found = await stat(candidate).then(
      (s) => s.isFile(),
      () => false,
    );
    if (found) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
