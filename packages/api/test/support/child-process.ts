import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface RunningProcess {
  readonly pid: number;
  readonly exited: Promise<number | null>;
  running(): boolean;
  /** Sends `signal` (if still running) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/** Spawns a long-running process, remembering its pid so the test can stop exactly it. */
export function startProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): RunningProcess {
  const child: ChildProcess = spawn(command, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...options,
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${command}`);
  return {
    pid,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, signal);
      await exited;
    },
  };
}

/** Runs a command to completion; rejects with its stderr when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err || out}`));
    });
  });
}
