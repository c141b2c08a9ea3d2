import type { Config } from '@oclif/core';
import { describe, expect, it } from 'vitest';
import { createCommandContext } from '../../../src/context/create-command-context.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { localEnvironmentFromPlugins } from '../../../src/plugins/local-environment.js';
import { refusal } from '../../support/refusal.js';
import { TextCapture } from '../../support/text-capture.js';

type HookResult = Awaited<ReturnType<Config['runHook']>>;

/** Only runHook is used: the config of a CLI whose plugins answer the hook with `result`. */
function configAnswering(result: HookResult, calls: unknown[][] = []): Config {
  return {
    runHook: (...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve(result);
    },
  } as unknown as Config;
}

const plugin = { name: '@opsctl/plugin-local' } as HookResult['successes'][number]['plugin'];
const context = createCommandContext({
  cwd: '/',
  env: {},
  json: true,
  stdout: new TextCapture(),
  stderr: new TextCapture(),
});

describe('the local environment through the plugins hook', () => {
  it('asks the plugins with the command context and returns their build arguments', async () => {
    const calls: unknown[][] = [];
    const provide = localEnvironmentFromPlugins(
      configAnswering(
        { successes: [{ plugin, result: { buildArgs: ['BASE_IMAGE=node:local'] } }], failures: [] },
        calls,
      ),
    );
    await expect(provide(context)).resolves.toEqual({ buildArgs: ['BASE_IMAGE=node:local'] });
    expect(calls).toEqual([
      ['opsctl:local-environment', { commandContext: context }, undefined, true],
    ]);
  });

  it('says to install @opsctl/plugin-local when no plugin answers', async () => {
    const provide = localEnvironmentFromPlugins(configAnswering({ successes: [], failures: [] }));
    const error = await refusal(provide(context));
    expect(error.code).toBe('LOCAL_PLUGIN_MISSING');
    expect(error.kind).toBe('user');
    expect(error.hint).toBe('Install it with: opsctl plugins install @opsctl/plugin-local');
  });

  it('ignores answers from plugins that are not the local environment', async () => {
    const provide = localEnvironmentFromPlugins(
      configAnswering({ successes: [{ plugin, result: undefined }], failures: [] }),
    );
    expect((await refusal(provide(context))).code).toBe('LOCAL_PLUGIN_MISSING');
  });

  it('reports a failing plugin as an external error naming it, keeping opsctl errors as they are', async () => {
    const failing = localEnvironmentFromPlugins(
      configAnswering({
        successes: [],
        failures: [{ plugin, error: new Error('docker is not running') }],
      }),
    );
    const error = await refusal(failing(context));
    expect(error.code).toBe('LOCAL_ENVIRONMENT_FAILED');
    expect(error.kind).toBe('external');
    expect(error.message).toContain(
      '@opsctl/plugin-local could not bring the local environment up: docker is not running',
    );
    const own = new OpsctlError({ code: 'FILE_UNREADABLE', kind: 'user', message: 'no key' });
    const passing = localEnvironmentFromPlugins(
      configAnswering({ successes: [], failures: [{ plugin, error: own }] }),
    );
    await expect(passing(context)).rejects.toBe(own);
  });
});
