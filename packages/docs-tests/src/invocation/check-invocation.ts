import type { CliManifest, ManifestCommand, ManifestFlag } from '../manifest/cli-manifest.js';

/** How a command line parses against the CLI, or what is wrong with it. */
export type InvocationCheck =
  | { readonly ok: true; readonly command: string | undefined }
  | {
      readonly ok: false;
      readonly command: string | undefined;
      readonly problems: readonly string[];
    };

/** Flags oclif accepts on every command and on the bare `opsctl`. */
const HELP_FLAGS = new Set(['--help', '-h']);
const ROOT_FLAGS = new Set([...HELP_FLAGS, '--version', '-v']);

/**
 * Parses argv (the words after `opsctl`) the way oclif would: the command id is the longest run of
 * leading words that names a command (topics are separated by spaces); every flag must exist on
 * that command (`--no-<flag>` only where the flag allows it); option flags need a value; there
 * may be no more positional words than the command declares arguments.
 */
export function checkInvocation(manifest: CliManifest, argv: readonly string[]): InvocationCheck {
  const { command, rest } = resolveCommand(manifest, argv);
  if (command === undefined) {
    if (argv.length > 0 && argv.every((w) => ROOT_FLAGS.has(w)))
      return { ok: true, command: undefined };
    const words = argv
      .filter((w) => !w.startsWith('-'))
      .slice(0, 2)
      .join(' ');
    return {
      ok: false,
      command: undefined,
      problems: [`"opsctl ${words}" is not a command; commands: ${commandList(manifest)}`],
    };
  }
  const problems = checkArguments(command, rest);
  return problems.length === 0
    ? { ok: true, command: command.id }
    : { ok: false, command: command.id, problems };
}

function resolveCommand(
  manifest: CliManifest,
  argv: readonly string[],
): { command: ManifestCommand | undefined; rest: readonly string[] } {
  const leading = argv.findIndex((w) => w.startsWith('-'));
  const words = leading === -1 ? argv : argv.slice(0, leading);
  for (let n = words.length; n > 0; n--) {
    const command = manifest.commands[words.slice(0, n).join(':')];
    if (command !== undefined) return { command, rest: argv.slice(n) };
  }
  return { command: undefined, rest: argv };
}

function checkArguments(command: ManifestCommand, rest: readonly string[]): string[] {
  const problems: string[] = [];
  const positional: string[] = [];
  const seen = new Set<string>();
  const name = `opsctl ${command.id.replaceAll(':', ' ')}`;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    if (word === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (HELP_FLAGS.has(word)) continue;
    if (!word.startsWith('-') || word === '-') {
      positional.push(word);
      continue;
    }
    const [spelled, inline] = splitInline(word);
    const found = findFlag(command, spelled);
    if (found === undefined) {
      problems.push(`${name} has no flag ${spelled}; its flags: ${flagList(command)}`);
      continue;
    }
    const { flag, negated } = found;
    if (negated && flag.allowNo !== true) {
      problems.push(`${name}: --${flag.name} cannot be negated (there is no --no-${flag.name})`);
    }
    if (seen.has(flag.name) && flag.multiple !== true) {
      problems.push(`${name}: --${flag.name} can be given only once`);
    }
    seen.add(flag.name);
    if (flag.type === 'boolean') {
      if (inline !== undefined)
        problems.push(`${name}: --${flag.name} takes no value (got "${inline}")`);
      continue;
    }
    if (inline !== undefined) continue;
    const value = rest[i + 1];
    if (value === undefined || (value.startsWith('-') && value !== '-')) {
      problems.push(`${name}: --${flag.name} needs a value`);
      continue;
    }
    i++;
  }
  const declared = Object.values(command.args);
  if (command.strict !== false && positional.length > declared.length) {
    const extra = positional.slice(declared.length).join(' ');
    problems.push(
      `${name} takes ${declared.length === 0 ? 'no arguments' : `at most ${declared.length} argument(s) (${declared.map((a) => a.name).join(', ')})`} but got also "${extra}"`,
    );
  }
  const required = declared.filter((a) => a.required === true).length;
  if (positional.length < required) {
    problems.push(`${name} needs ${required} argument(s), got ${positional.length}`);
  }
  return problems;
}

function splitInline(word: string): [string, string | undefined] {
  const eq = word.indexOf('=');
  return eq === -1 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)];
}

function findFlag(
  command: ManifestCommand,
  spelled: string,
): { flag: ManifestFlag; negated: boolean } | undefined {
  const flags = Object.values(command.flags);
  if (/^-[A-Za-z]$/.test(spelled)) {
    const flag = flags.find((f) => f.char === spelled.slice(1));
    return flag === undefined ? undefined : { flag, negated: false };
  }
  const long = spelled.slice(2);
  const exact = flags.find((f) => f.name === long);
  if (exact !== undefined) return { flag: exact, negated: false };
  if (long.startsWith('no-')) {
    const flag = flags.find((f) => f.name === long.slice(3) && f.type === 'boolean');
    if (flag !== undefined) return { flag, negated: true };
  }
  return undefined;
}

const flagList = (command: ManifestCommand): string =>
  Object.values(command.flags)
    .map((f) => `--${f.name}`)
    .join(', ');

const commandList = (manifest: CliManifest): string =>
  Object.keys(manifest.commands)
    .sort()
    .map((id) => id.replaceAll(':', ' '))
    .join(', ');
