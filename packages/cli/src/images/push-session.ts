import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandFailed } from '../exec/command-errors.js';
import type { Executor } from '../exec/executor.js';
import type { Redactor } from '../secrets/redactor.js';
import { dockerLoginWithConfig, dockerPush } from './docker-commands.js';
import { readOnly } from './errors.js';
import type { RegistryLogin } from './registry-site.js';

/** How registries phrase a refused write while garbage collection holds them read-only. */
const READ_ONLY = /read[- ]?only|operation is unsupported|UNSUPPORTED/i;

/**
 * Runs pushes with a throwaway Docker configuration: logged in only inside it, and the directory
 * (credentials included) deleted afterwards whatever happens, so no password stays on disk.
 */
export async function withPushSession<T>(
  local: Executor,
  login: RegistryLogin | undefined,
  signal: AbortSignal,
  redactor: Redactor,
  work: (push: (ref: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  const configDir = await mkdtemp(join(tmpdir(), 'opsctl-docker-'));
  try {
    if (login !== undefined) {
      await local.run(
        dockerLoginWithConfig(configDir, login.server, login.username, login.password),
        { signal },
      );
    }
    return await work(async (ref) => {
      const push = dockerPush(configDir, ref);
      const result = await local.run(push, { allowFailure: true, signal });
      if (result.exitCode === 0) return;
      const text = `${result.stderr}\n${result.stdout}`;
      if (READ_ONLY.test(text)) throw readOnly(ref.split('/')[0] ?? ref, lastLine(text));
      throw commandFailed(push, local.target, result, redactor);
    });
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
}

const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';
