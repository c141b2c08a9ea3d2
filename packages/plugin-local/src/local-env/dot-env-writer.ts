import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const HEADER =
  '# Values for the local environment, written by `opsctl local up`. Gitignored; never commit.';

/** Characters `.env` reading would change in an unquoted value: it is trimmed and ends at ` #`. */
const NEEDS_QUOTES = /[\n\r"'\\]|^\s|\s$|\s#/;
const ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};

/**
 * One `KEY=value` line that `.env` reading (secrets/values/dotenv.ts) gives back exactly: a value
 * it would change, such as a CA certificate's PEM with its newlines, is double-quoted with `\n`
 * escapes, so every value stays on its one line.
 */
export function dotEnvLine(name: string, value: string): string {
  if (!NEEDS_QUOTES.test(value)) return `${name}=${value}`;
  return `${name}="${value.replace(/[\n\r"\\]/g, (c) => ESCAPES[c] ?? c)}"`;
}

/**
 * Sets `values` in `.env.<environment>` beside opsctl.yaml (mode 0600, written atomically),
 * keeping any other variables a developer added there.
 */
export async function writeDotEnv(
  configDir: string,
  environment: string,
  values: Readonly<Record<string, string>>,
): Promise<string> {
  const file = join(configDir, `.env.${environment}`);
  const kept = existsSync(file)
    ? (await readFile(file, 'utf8')).split('\n').filter((line) => {
        const name = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1];
        return line !== HEADER && line.trim() !== '' && (name === undefined || !(name in values));
      })
    : [];
  const lines = [HEADER, ...kept, ...Object.entries(values).map(([k, v]) => dotEnvLine(k, v))];
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, `${lines.join('\n')}\n`, { mode: 0o600 });
  await rename(tmp, file);
  return file;
}
