import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliManifest, ManifestCommand } from './cli-manifest.js';

/** Where `pnpm --filter @opsctl/cli build` writes the manifest (oclif manifest). */
export const manifestPath = (repoRoot: string): string =>
  join(repoRoot, 'packages', 'cli', 'oclif.manifest.json');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the CLI's manifest: the list of every command with its flags and arguments, written by
 * oclif from the command classes themselves, so checks against it follow the code.
 */
export function loadManifest(repoRoot: string): CliManifest {
  const path = manifestPath(repoRoot);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `${path} is missing: build the CLI first (pnpm --filter @opsctl/cli build), which writes it.`,
    );
  }
  return parseManifest(JSON.parse(text) as unknown, path);
}

export function parseManifest(raw: unknown, source: string): CliManifest {
  if (!isRecord(raw) || !isRecord(raw.commands) || typeof raw.version !== 'string') {
    throw new Error(`${source} is not an oclif manifest (no "version" and "commands").`);
  }
  for (const [id, command] of Object.entries(raw.commands)) {
    if (!isRecord(command) || !isRecord(command.flags) || !isRecord(command.args)) {
      throw new Error(`${source}: command "${id}" has no "flags" or "args".`);
    }
    for (const [name, flag] of Object.entries(command.flags)) {
      if (!isRecord(flag) || (flag.type !== 'boolean' && flag.type !== 'option')) {
        throw new Error(`${source}: flag --${name} of "${id}" has no type boolean or option.`);
      }
    }
  }
  // Checked above: each command has flags with a type, and args.
  return raw as unknown as CliManifest;
}

/** Commands by id, sorted, for stable output. */
export const sortedCommands = (manifest: CliManifest): ManifestCommand[] =>
  Object.values(manifest.commands).sort((a, b) => a.id.localeCompare(b.id));
