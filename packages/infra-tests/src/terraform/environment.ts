import { readFile } from 'node:fs/promises';
import { join, relative, resolve as resolvePath } from 'node:path';
import { loadDirectory, type ModuleCall, type TerraformDirectory } from './directory.js';
import { parseHcl, type HclBody } from './hcl.js';
import { resolve, UNKNOWN, type Scope } from './resolve.js';

/** A module as one environment calls it: its code plus the values its inputs take there. */
export interface ModuleInstance {
  call: ModuleCall;
  dir: TerraformDirectory;
  scope: Scope;
  /** e.g. "staging: module.database" */
  label: string;
}

export interface Environment {
  name: string;
  root: TerraformDirectory;
  tfvars: HclBody;
  tfvarsText: string;
  scope: Scope;
  modules: ModuleInstance[];
}

export type ModuleCache = Map<string, Promise<TerraformDirectory>>;

/** Loads environments/<name> with its terraform.tfvars and every local module it calls. */
export async function loadEnvironment(
  terraformRoot: string,
  name: string,
  cache: ModuleCache = new Map(),
): Promise<Environment> {
  const rootPath = join(terraformRoot, 'environments', name);
  const root = await loadDirectory(rootPath);
  const tfvarsText = await readFile(join(rootPath, 'terraform.tfvars'), 'utf8');
  const tfvars = await parseHcl(join(rootPath, 'terraform.tfvars'), tfvarsText);
  const scope: Scope = { vars: {}, locals: root.locals };
  for (const [varName, body] of root.variables) {
    scope.vars[varName] =
      varName in tfvars ? tfvars[varName] : 'default' in body ? body.default : UNKNOWN;
  }
  const modules: ModuleInstance[] = [];
  for (const call of root.modules) {
    const modulePath = resolvePath(rootPath, call.source);
    let dir = cache.get(modulePath);
    if (!dir) {
      dir = loadDirectory(modulePath);
      cache.set(modulePath, dir);
    }
    modules.push(instantiate(call, await dir, scope, `${name}: module.${call.name}`));
  }
  return { name, root, tfvars, tfvarsText, scope, modules };
}

function instantiate(
  call: ModuleCall,
  dir: TerraformDirectory,
  outer: Scope,
  label: string,
): ModuleInstance {
  const vars: Record<string, unknown> = {};
  for (const [varName, body] of dir.variables) {
    if (varName in call.args) vars[varName] = resolve(call.args[varName], outer);
    else vars[varName] = 'default' in body ? resolve(body.default, outer) : UNKNOWN;
  }
  return { call, dir, scope: { vars, locals: dir.locals }, label };
}

export function relativeTo(terraformRoot: string, path: string): string {
  return relative(terraformRoot, path) || '.';
}
