import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plugin, type Interfaces } from '@oclif/core';

/** oclif's Plugin, loaded (its manifest or commands read). */
async function loaded(options: Interfaces.PluginOptions): Promise<Plugin> {
  const plugin = new Plugin(options);
  await plugin.load();
  return plugin;
}

/**
 * How this checkout runs opsctl: the core CLI with the plugins it declares and this one, as
 * `opsctl plugins install @opsctl/plugin-local` leaves an installed CLI. The core cannot list
 * this plugin itself (the plugin builds on the core: that would be a cycle), so the plugins are
 * handed to oclif here. bin/opsctl.js runs it; ./bin/opsctl runs that.
 */
export async function checkoutLoadOptions(): Promise<Interfaces.Options> {
  const require = createRequire(import.meta.url);
  const cliRoot = dirname(require.resolve('@opsctl/cli/package.json'));
  const pluginRoot = fileURLToPath(new URL('../..', import.meta.url));
  const core = await loaded({ root: cliRoot, isRoot: true, type: 'core' });
  const declared = core.pjson.oclif.plugins ?? [];
  const children = await Promise.all([
    ...declared.map((name) => loaded({ name, root: cliRoot, type: 'core' })),
    loaded({ root: pluginRoot, type: 'core' }),
  ]);
  const plugins = new Map([core, ...children].map((plugin) => [plugin.name, plugin]));
  return { root: cliRoot, plugins };
}
