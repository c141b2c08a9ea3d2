#!/usr/bin/env node
// This checkout's opsctl: the core CLI with this plugin loaded beside its own plugins, as
// `opsctl plugins install @opsctl/plugin-local` leaves an installed one. ./bin/opsctl runs it.
// The core does not list the plugin (the plugin builds on the core: that would be a cycle).
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execute, Plugin } from '@oclif/core';

const require = createRequire(import.meta.url);
const cliRoot = dirname(require.resolve('@opsctl/cli/package.json'));
const pluginRoot = fileURLToPath(new URL('..', import.meta.url));

async function loaded(options) {
  const plugin = new Plugin({ ignoreManifest: false, ...options });
  await plugin.load();
  return plugin;
}

const core = await loaded({ root: cliRoot, isRoot: true, type: 'core' });
const children = await Promise.all([
  ...(core.pjson.oclif.plugins ?? []).map((name) => loaded({ name, root: cliRoot, type: 'core' })),
  loaded({ root: pluginRoot, type: 'core' }),
]);
const plugins = new Map([core, ...children].map((plugin) => [plugin.name, plugin]));
await execute({ loadOptions: { root: cliRoot, plugins } });
