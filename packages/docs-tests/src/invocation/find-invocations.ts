import { splitCommands } from './shell-words.js';

/** An opsctl command line found in a script or a document. */
export interface Invocation {
  /** What ran opsctl, e.g. `pnpm exec opsctl` or `./bin/opsctl`. */
  readonly launcher: string;
  /** The words after the launcher: command, arguments and flags. */
  readonly argv: readonly string[];
  /** 1-based line in the text searched. */
  readonly line: number;
}

/** Every way the repository runs the CLI: installed, from a checkout, or through pnpm/npx/node. */
const LAUNCHERS: readonly (readonly string[])[] = [
  ['pnpm', 'exec', 'opsctl'],
  ['pnpm', 'opsctl'],
  ['npx', 'opsctl'],
  ['node', 'packages/cli/bin/run.js'],
  ['./bin/opsctl'],
  ['bin/opsctl'],
  ['opsctl'],
];

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * Finds every opsctl command line in a shell script (or a one-line command from a document): a
 * simple command whose first words, after any `NAME=value` assignments, are a launcher.
 */
export function findInvocations(script: string): Invocation[] {
  const found: Invocation[] = [];
  for (const command of splitCommands(script)) {
    let start = 0;
    while (start < command.words.length && ASSIGNMENT.test(command.words[start] ?? '')) start++;
    const words = command.words.slice(start);
    const launcher = LAUNCHERS.find((l) => l.every((w, i) => words[i] === w));
    if (launcher === undefined) continue;
    found.push({
      launcher: launcher.join(' '),
      argv: words.slice(launcher.length),
      line: command.line,
    });
  }
  return found;
}

/** Lines that mention the CLI as a command word without being a command line this module reads. */
export function strayMentions(script: string): number[] {
  const found = new Set(findInvocations(script).map((i) => i.line));
  return splitCommands(script)
    .filter((c) => !found.has(c.line))
    .filter((c) =>
      c.words.some((w) => w === 'opsctl' || w.endsWith('/opsctl') || w.endsWith('cli/bin/run.js')),
    )
    .map((c) => c.line);
}
