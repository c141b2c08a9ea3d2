import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const HEADER =
  '# Values for the local environment, written by `opsctl local up`. Gitignored; never commit.';

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
  const lines = [HEADER, ...kept, ...Object.entries(values).map(([k, v]) => `${k}=${v}`)];
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, `${lines.join('\n')}\n`, { mode: 0o600 });
  await rename(tmp, file);
  return file;
}
