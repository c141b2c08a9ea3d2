import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpsctlError } from '../../errors/opsctl-error.js';
import { parseDotenv } from './dotenv.js';

/** Where a value was found. Command-line arguments are never a source. */
export type ValueOrigin = 'stdin' | 'environment' | 'file';

export interface FoundValue {
  readonly value: string;
  readonly origin: ValueOrigin;
}

/**
 * Where opsctl looks for secret values and settings, first match wins: lines given on stdin
 * (`--stdin`), then the process environment (CI), then `.env.<environment>` beside opsctl.yaml
 * (a gitignored file). An empty value counts as unset.
 */
export interface ValueSource {
  get(name: string): FoundValue | undefined;
  /** The dotenv file consulted, for messages (it may not exist). */
  readonly file: string;
}

export interface ValueSourceOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly configDir: string;
  readonly environment: string;
  /** Text read from stdin, in the dotenv format. */
  readonly stdin?: string | undefined;
}

export function createValueSource(options: ValueSourceOptions): ValueSource {
  const file = join(options.configDir, `.env.${options.environment}`);
  const fromFile = existsSync(file) ? parsed(readFileSync(file, 'utf8'), file) : new Map();
  const fromStdin =
    options.stdin === undefined ? new Map<string, string>() : parsed(options.stdin, 'stdin');
  return {
    file,
    get(name) {
      const candidates: [string | undefined, ValueOrigin][] = [
        [fromStdin.get(name), 'stdin'],
        [options.env[name], 'environment'],
        [fromFile.get(name) as string | undefined, 'file'],
      ];
      for (const [value, origin] of candidates) {
        if (value !== undefined && value !== '') return { value, origin };
      }
      return undefined;
    },
  };
}

function parsed(text: string, where: string): Map<string, string> {
  const { values, problems } = parseDotenv(text);
  if (problems.length > 0) {
    throw new OpsctlError({
      code: 'SECRET_SOURCE_INVALID',
      kind: 'user',
      message: `${where} is not in the KEY=value format: ${problems
        .map((p) => `line ${p.line}: ${p.message}`)
        .join('; ')}.`,
      hint: 'Write one KEY=value per line; quote values with spaces, # or newlines ("a\\nb" or \'a b\').',
      details: { source: where, problems },
    });
  }
  return new Map(values);
}
