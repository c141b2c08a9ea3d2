import { describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../../src/exec/local-executor.js';
import { command } from '../../../src/exec/remote-command.js';
import { Redactor } from '../../../src/secrets/redactor.js';
import { Secret } from '../../../src/secrets/secret.js';
import { rejection } from '../../support/rejection.js';

describe('LocalExecutor', () => {
  it('runs argv without a shell, so nothing is expanded', async () => {
    const { stdout } = await new LocalExecutor().run(
      command(['printf', '%s|', '$HOME', '*', "it's"]),
    );
    expect(stdout).toBe("$HOME|*|it's|");
  });

  it('writes stdin exactly, secrets included', async () => {
    const input = 'a=b\n"q" $x ü\n';
    expect((await new LocalExecutor().run(command(['cat'], { stdin: input }))).stdout).toBe(input);
    expect(
      (await new LocalExecutor().run(command(['cat'], { stdin: new Secret('top-secret') }))).stdout,
    ).toBe('top-secret');
  });

  it('fails with the description and the redacted tail of stderr', async () => {
    const redactor = new Redactor();
    redactor.add('leaked-token-value');
    const error = await rejection(
      new LocalExecutor({ redactor }).run(
        command(
          [
            'sh',
            '-c',
            'echo one >&2; echo "token $0" >&2; exit 4',
            new Secret('leaked-token-value'),
          ],
          {
            description: 'log in to the registry',
          },
        ),
      ),
    );
    expect(error).toMatchObject({ code: 'COMMAND_FAILED', kind: 'external', exitCode: 3 });
    expect(error.message).toContain("log in to the registry (sh -c 'echo one >&2;");
    expect(error.message).toContain('[redacted]');
    expect(error.message).toContain('failed on local with exit code 4:\none\ntoken [redacted]');
    expect(error.message).not.toContain('leaked-token-value');
  });

  it('hides the output of sensitive commands in errors', async () => {
    const error = await rejection(
      new LocalExecutor().run(
        command(['sh', '-c', 'printf "%s=%s\\n" VALUE abc >&2; exit 1'], { sensitive: true }),
      ),
    );
    expect(error.message).not.toContain('VALUE=abc');
    expect(error.message).toContain('output hidden');
  });

  it('returns non-zero exits when failure is allowed', async () => {
    const result = await new LocalExecutor().run(command(['sh', '-c', 'exit 9']), {
      allowFailure: true,
    });
    expect(result.exitCode).toBe(9);
  });

  it('reports a program that does not exist', async () => {
    const error = await rejection(new LocalExecutor().run(command(['opsctl-no-such-program'])));
    expect(error.message).toContain('cannot start opsctl-no-such-program: ENOENT');
  });

  it('stops commands on timeout and on abort', async () => {
    const timeout = await rejection(
      new LocalExecutor().run(command(['sleep', '30']), { timeoutMs: 100 }),
    );
    expect(timeout.code).toBe('COMMAND_TIMEOUT');
    const controller = new AbortController();
    const running = new LocalExecutor().run(command(['sleep', '30']), {
      signal: controller.signal,
    });
    controller.abort();
    expect((await rejection(running)).code).toBe('CANCELLED');
  });
});
