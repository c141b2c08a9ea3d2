import { Config } from '@oclif/core';
import { LOCAL_ENVIRONMENT_HOOK, OpsctlError, type CommandContext } from '@opsctl/cli';
import { describe, expect, it } from 'vitest';
import { checkoutLoadOptions } from '../../src/checkout/load-options.js';

// A command context whose configuration cannot be read: the plugin's hook stops at its first
// step (finding the state directory beside opsctl.yaml), before it touches Docker.
const unreadable = new OpsctlError({ code: 'CONFIG_NOT_FOUND', kind: 'user', message: 'none' });
const commandContext = {
  config: () => Promise.reject(unreadable),
  logger: { info: () => undefined },
} as unknown as CommandContext;

describe('the core hook before `deploy local`, as oclif dispatches it', () => {
  it('reaches this plugin in the checkout opsctl, which answers it (here with the config error)', async () => {
    const config = await Config.load(await checkoutLoadOptions());
    const { successes, failures } = await config.runHook(
      LOCAL_ENVIRONMENT_HOOK,
      { commandContext },
      undefined,
      true,
    );
    expect(successes).toEqual([]);
    expect(failures.map((f) => [f.plugin.name, f.error])).toEqual([
      ['@opsctl/plugin-local', unreadable],
    ]);
  });

  it('reaches no one in the core alone', async () => {
    const { root } = await checkoutLoadOptions();
    const config = await Config.load({ root, userPlugins: false });
    const result = await config.runHook(
      LOCAL_ENVIRONMENT_HOOK,
      { commandContext },
      undefined,
      true,
    );
    expect(result).toEqual({ successes: [], failures: [] });
  });
});
