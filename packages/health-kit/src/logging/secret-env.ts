/** Env var names whose values are secret unless the caller says otherwise. */
export const DEFAULT_SECRET_NAME_PATTERN =
  /PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL|DATABASE_URL|REDIS_URL/i;

/** Shorter values would mask ordinary words; a real secret is never this short. */
export const MIN_SECRET_LENGTH = 4;

export interface SecretEnvOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Names declared secret in addition to those the pattern matches. */
  names?: readonly string[];
  pattern?: RegExp;
}

/** The names, present in `env`, whose values must never be written anywhere. */
export function secretEnvNames(options: SecretEnvOptions): string[] {
  const pattern = options.pattern ?? DEFAULT_SECRET_NAME_PATTERN;
  const declared = new Set(options.names ?? []);
  return Object.keys(options.env).filter((name) => declared.has(name) || pattern.test(name));
}

/**
 * The values to mask: each secret variable's value and, for URLs such as DATABASE_URL, the
 * password inside it too, since a driver's error may quote that part alone.
 */
export function secretEnvValues(options: SecretEnvOptions): string[] {
  const values = new Set<string>();
  for (const name of secretEnvNames(options)) {
    const value = options.env[name];
    if (value === undefined) continue;
    values.add(value);
    for (const part of urlSecrets(value)) values.add(part);
  }
  return [...values].filter((value) => value.length >= MIN_SECRET_LENGTH);
}

function urlSecrets(value: string): string[] {
  if (!URL.canParse(value)) return [];
  const { password } = new URL(value);
  if (password === '') return [];
  return [password, safeDecode(password)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
