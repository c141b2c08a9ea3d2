import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { waitForChildLine } from '../registry-api/wait-for-child-line.js';
import { digitalOceanContract } from './contract-file.js';
import { freePort } from './free-port.js';

export interface ContractProxyOptions {
  /** The stand-in's URL. */
  readonly upstream: string;
  /** The API description; by default the one `digitalOceanContract()` finds (or fails to). */
  readonly contractPath?: string;
  /** Prism needs a while to load the 81k-line description. */
  readonly startTimeoutMs?: number;
}

export interface ContractProxy {
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn until Prism said it was listening. */
  readonly startupMs: number;
  close(): Promise<void>;
}

function prismEntry(): string {
  const pkg = createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json');
  return join(dirname(pkg), 'dist', 'index.js');
}

/**
 * Stoplight Prism as a validating proxy in front of the stand-in: every request and response is
 * checked against DigitalOcean's official description, and with --errors a violation comes back
 * as an error (422 for a request, 500 with an sl-violations header for a response).
 */
export async function startContractProxy(opts: ContractProxyOptions): Promise<ContractProxy> {
  const contract = opts.contractPath ?? (await digitalOceanContract());
  if (!existsSync(contract))
    throw new Error(`DigitalOcean API description not found at ${contract}`);
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      prismEntry(),
      'proxy',
      contract,
      opts.upstream,
      '--errors',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start Prism');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(pid, 'SIGTERM');
      await exited;
    }
  };
  try {
    await waitForChildLine(
      child,
      /Prism is listening on/,
      opts.startTimeoutMs ?? 120_000,
      'Prism (DigitalOcean contract proxy)',
    );
  } catch (err) {
    await close();
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    startupMs: Math.round(performance.now() - started),
    close,
  };
}
