import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ProviderSchema } from './block-schema.js';
import { readBinding } from './read-bindings.js';

/** The package of prebuilt bindings generated from the pinned DigitalOcean provider's schema. */
export const BINDINGS_PACKAGE = '@cdktf/provider-digitalocean';

export async function loadProviderSchema(): Promise<ProviderSchema> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve(`${BINDINGS_PACKAGE}/package.json`));
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const version = /digitalocean\/digitalocean provider version (\d+\.\d+\.\d+)/.exec(readme)?.[1];
  if (!version)
    throw new Error(`${BINDINGS_PACKAGE}'s README does not say which provider version it wraps`);
  const schema: ProviderSchema = { version, resources: new Map(), dataSources: new Map() };
  for (const entry of await readdir(join(root, 'lib'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const binding = readBinding(
      await readFile(join(root, 'lib', entry.name, 'index.js'), 'utf8').catch(() => ''),
    );
    if (!binding) continue;
    (binding.kind === 'data' ? schema.dataSources : schema.resources).set(
      binding.type,
      binding.schema,
    );
  }
  return schema;
}
