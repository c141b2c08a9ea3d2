import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const hooks = fileURLToPath(new URL('./ts-hooks.mjs', import.meta.url));

export interface ChildService {
  readonly pid: number;
  readonly port: number;
  readonly baseUrl: string;
  /** Parsed JSON log lines written so far. */
  readonly logs: Record<string, unknown>[];
  /** Resolves with the first log line matching, waiting for it if needed. */
  waitForLog(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  readonly exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
  /** Kills it if it is still running (test cleanup). */
  stop(): Promise<void>;
}

/** Starts a TypeScript fixture as a real process and waits for its `listening` log line. */
export async function startChildService(
  script: string,
  env: Record<string, string> = {},
): Promise<ChildService> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--no-warnings', '--import', hooks, fileURLToPath(new URL(script))],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const logs: Record<string, unknown>[] = [];
  const waiters: {
    match: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }[] = [];
  let buffer = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const text of lines.filter((l) => l.trim() !== '')) {
      const line = JSON.parse(text) as Record<string, unknown>;
      logs.push(line);
      for (const waiter of waiters.filter((w) => w.match(line))) waiter.resolve(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  const waitForLog = (match: (line: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = logs.find(match);
      if (found) {
        resolve(found);
        return;
      }
      waiters.push({ match, resolve });
      void exited.then((code) => {
        reject(new Error(`fixture exited (${code}) before the expected log line`));
      });
    });
  const listening = await waitForLog((line) => line.msg === 'listening');
  const port = Number(listening.port);
  const pid = child.pid ?? 0;
  return {
    pid,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    waitForLog,
    exited,
    signal: (name) => process.kill(pid, name),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(pid, 'SIGKILL');
        await exited;
      }
    },
  };
}

/** The node:http fixture service using health-kit's shutdown, as a file URL. */
export const drainServer = new URL('../fixtures/drain-server.ts', import.meta.url).href;
