import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { splitCommands } from '../invocation/shell-words.js';

/** The first command of the README's first shell block, as argv. */
export function firstReadmeCommand(readme: string): string[] {
  const block = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const words = splitCommands(block)[0]?.words ?? [];
  if (words.length === 0) throw new Error("the README's first shell block has no command");
  return [...words];
}

// What the test runner and the workspace put in the environment, which a newcomer's shell lacks.
// The machine's own settings (NODE_EXTRA_CA_CERTS for a TLS-inspecting proxy, HOME, CI) stay.
const WORKSPACE_VARIABLE =
  /^(npm_|PNPM_|pnpm_|TURBO_|VITEST|OPSCTL_|NODE_OPTIONS$|NODE_PATH$|NODE_ENV$|INIT_CWD$|TEST$)/;

/**
 * A newcomer's environment: this one without the workspace's variables, and PATH without this
 * checkout's Node 24 (.tools) and package binaries, so the system's Node is the one found first.
 */
export function newcomerEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && !WORKSPACE_VARIABLE.test(k)) out[k] = v;
  }
  out.PATH = (env.PATH ?? '')
    .split(':')
    .filter((p) => p !== '' && !p.includes('/.tools/') && !p.includes('node_modules'))
    .join(':');
  return out;
}

export interface Ran {
  readonly code: number | null;
  /** stdout and stderr as they came, also written whole to the log file. */
  readonly output: string;
}

/** Runs a command with exactly `env`, keeping its output in memory and in `log`. */
export function runLogged(
  argv: readonly string[],
  opts: { cwd: string; env: Record<string, string>; log: string },
): Promise<Ran> {
  const [file = '', ...args] = argv;
  return new Promise((resolve, reject) => {
    const log = createWriteStream(opts.log, { flags: 'a' });
    log.write(`$ ${argv.join(' ')}\n`);
    const child = spawn(file, args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (d: Buffer) => {
      output += d.toString();
      log.write(d);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      log.end(() => {
        resolve({ code, output });
      });
    });
  });
}

/** Whether a Docker engine answers on this machine. */
export function engineAnswers(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ID}}'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
