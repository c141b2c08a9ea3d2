import { readDotEnv } from '../deploy/runtime-env.js';

/**
 * Reads a setting the way opsctl reads credentials: the process environment first (CI), then
 * `.env.<environment>` beside opsctl.yaml (a gitignored file, e.g. written by `opsctl local up`).
 */
export type SettingLookup = (name: string) => string | undefined;

export function settingLookup(
  env: Readonly<Record<string, string | undefined>>,
  configDir: string,
  environment: string | undefined,
): SettingLookup {
  let file: Map<string, string> | undefined;
  return (name) => {
    const direct = env[name];
    if (direct !== undefined && direct !== '') return direct;
    if (environment === undefined) return undefined;
    file ??= readDotEnv(configDir, environment);
    const value = file.get(name);
    return value === '' ? undefined : value;
  };
}
