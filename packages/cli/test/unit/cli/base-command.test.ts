import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BaseCommand } from '../../../src/base-command.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { Secret } from '../../../src/secrets/secret.js';
import { PACKAGE_DIR } from './run-cli.js';

// Commands built on BaseCommand, run in-process so the base behaviour is tested on its own.
class Empty extends BaseCommand<typeof Empty> {
  run(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
}

class Leaky extends BaseCommand<typeof Leaky> {
  run() {
    const token = new Secret('registered-token-1');
    this.context.redactor.add(token);
    this.context.output.line('using registered-token-1');
    return Promise.resolve({
      token,
      echoed: 'value registered-token-1',
      nested: { list: [token] },
    });
  }
}

class Failing extends BaseCommand<typeof Failing> {
  run(): Promise<never> {
    this.context.redactor.add('failing-secret-9');
    return Promise.reject(
      new OpsctlError({
        code: 'COMMAND_FAILED',
        kind: 'external',
        message: 'login failing-secret-9 refused',
      }),
    );
  }
}

class WaitsForCtrlC extends BaseCommand<typeof WaitsForCtrlC> {
  run(): Promise<never> {
    const { signal } = this.context;
    return new Promise((_resolve, reject) => {
      signal.addEventListener('abort', () => {
        reject(new Error('stopped waiting'));
      });
      process.emit('SIGINT');
    });
  }
}

let stdout: string[];
let stderr: string[];

beforeEach(() => {
  // The suite also runs on GitHub's runners, where GITHUB_ACTIONS=true adds ::add-mask:: and
  // annotation lines to the output; only the test about that behaviour turns it on.
  vi.stubEnv('GITHUB_ACTIONS', undefined);
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

describe('BaseCommand', () => {
  it('prints the success envelope even for an empty result', async () => {
    await Empty.run(['--json'], PACKAGE_DIR);
    expect(JSON.parse(stdout.join(''))).toEqual({ status: 0, result: null });
    expect(process.exitCode).toBeUndefined();
  });

  it('masks registered secrets in human output and in the JSON result', async () => {
    await Leaky.run([], PACKAGE_DIR);
    expect(stdout.join('')).toBe('using [redacted]\n');
    stdout.length = 0;
    await Leaky.run(['--json'], PACKAGE_DIR);
    expect(JSON.parse(stdout.join(''))).toEqual({
      status: 0,
      result: { token: '[redacted]', echoed: 'value [redacted]', nested: { list: ['[redacted]'] } },
    });
  });

  it('renders a failure once, masked, and sets the exit code without exiting', async () => {
    await Failing.run(['--json'], PACKAGE_DIR);
    expect(process.exitCode).toBe(3);
    const envelope = JSON.parse(stdout.join('')) as { status: number; error: { message: string } };
    expect(envelope.status).toBe(3);
    expect(envelope.error.message).toBe('login [redacted] refused');
    process.exitCode = undefined;
    await Failing.run([], PACKAGE_DIR);
    expect(stdout.join('')).not.toContain('Error');
    expect(stderr.join('')).toContain('Error [COMMAND_FAILED]: login [redacted] refused');
  });

  it('announces registered secrets with ::add-mask:: under GitHub Actions', async () => {
    vi.stubEnv('GITHUB_ACTIONS', 'true');
    await Leaky.run([], PACKAGE_DIR);
    expect(stdout.join('')).toBe('::add-mask::registered-token-1\nusing [redacted]\n');
  });

  it('turns Ctrl-C into CANCELLED with exit code 130', async () => {
    const listeners = process.listenerCount('SIGINT');
    await WaitsForCtrlC.run(['--json'], PACKAGE_DIR);
    expect(process.exitCode).toBe(130);
    expect(JSON.parse(stdout.join(''))).toMatchObject({
      status: 130,
      error: { code: 'CANCELLED' },
    });
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });
});
