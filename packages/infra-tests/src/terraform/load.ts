import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDirectory, type TerraformDirectory } from './directory.js';
import { loadEnvironment, type Environment, type ModuleCache } from './environment.js';

export interface TerraformTree {
  root: string;
  environments: Environment[];
  modules: Map<string, TerraformDirectory>;
}

/** Loads every environment under environments/ and every module under modules/. */
export async function loadTerraformTree(root: string): Promise<TerraformTree> {
  const cache: ModuleCache = new Map();
  const envNames = await subdirectories(join(root, 'environments'));
  const environments = await Promise.all(
    envNames.map((name) => loadEnvironment(root, name, cache)),
  );
  const modules = new Map<string, TerraformDirectory>();
  for (const name of await subdirectories(join(root, 'modules'))) {
    modules.set(name, await loadDirectory(join(root, 'modules', name)));
  }
  return { root, environments, modules };
}

async function subdirectories(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}
