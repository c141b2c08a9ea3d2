import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliManifest, ManifestCommand } from './cli-manifest.js';

/** Where `pnpm --filter @opsctl/cli build` writes the manifest (oclif manifest). */
export const manifestPath = (repoRoot: string): string =>
  join(repoRoot, 'packages', 'cli', 'oclif.manifest.json');

/**
 * The plugins of this checkout's opsctl (./bin/opsctl): those the CLI declares in its
 * package.json (`opsctl plugins ...`), and @opsctl/plugin-local (`opsctl local ...`).
 */
export function pluginManifestPaths(repoRoot: string): string[] {
  const cli = join(repoRoot, 'packages', 'cli');
  const pjson = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8')) as {
    oclif?: { plugins?: string[] };
  };
  return [
    ...(pjson.oclif?.plugins ?? []).map((name) =>
      join(cli, 'node_modules', name, 'oclif.manifest.json'),
    ),
    join(repoRoot, 'packages', 'plugin-local', 'oclif.manifest.json'),
  ];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the manifests of the CLI and of the plugin this checkout runs it with: the list of every
 * command with its flags and arguments, written by oclif from the command classes themselves,
 * so checks against it follow the code.
 */
export function loadManifest(repoRoot: string): CliManifest {
  const core = readManifest(manifestPath(repoRoot));
  const plugins = pluginManifestPaths(repoRoot).map(readManifest);
  return {
    ...core,
    commands: Object.assign(
      {},
      core.commands,
      ...plugins.map((p) => p.commands),
    ) as CliManifest['commands'],
  };
}

function readManifest(path: string): CliManifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `${path} is missing: build the CLI and its plugin first (pnpm exec turbo run build --filter=@opsctl/plugin-local...), which writes it.`,
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

/** opsctl's own commands (not oclif's `plugins ...`, documented by oclif) by id, sorted. */
export const sortedCommands = (manifest: CliManifest): ManifestCommand[] =>
  Object.values(manifest.commands)
    .filter((c) => c.pluginName === undefined || c.pluginName.startsWith('@opsctl/'))
    .sort((a, b) => a.id.localeCompare(b.id));
