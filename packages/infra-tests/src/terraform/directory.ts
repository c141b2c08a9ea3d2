import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { blocks, labelled, parseHcl, type HclBody } from './hcl.js';

export interface Resource {
  type: string;
  name: string;
  body: HclBody;
}

export interface ModuleCall {
  name: string;
  source: string;
  args: HclBody;
}

/** Every .tf file of one Terraform directory (a module or an environment root), parsed. */
export interface TerraformDirectory {
  path: string;
  /** Raw text per file name, for checks that look at literals (secrets). */
  texts: Map<string, string>;
  variables: Map<string, HclBody>;
  outputs: Map<string, HclBody>;
  locals: HclBody;
  resources: Resource[];
  /** `data "type" "name" { }` blocks. */
  dataSources: Resource[];
  modules: ModuleCall[];
  terraformBlocks: HclBody[];
}

export async function loadDirectory(path: string): Promise<TerraformDirectory> {
  const names = (await readdir(path)).filter((n) => n.endsWith('.tf')).sort();
  if (names.length === 0) throw new Error(`${path} holds no .tf files`);
  const dir: TerraformDirectory = {
    path,
    texts: new Map(),
    variables: new Map(),
    outputs: new Map(),
    locals: {},
    resources: [],
    dataSources: [],
    modules: [],
    terraformBlocks: [],
  };
  for (const name of names) {
    const text = await readFile(join(path, name), 'utf8');
    dir.texts.set(name, text);
    addFile(dir, await parseHcl(join(path, name), text));
  }
  return dir;
}

function addFile(dir: TerraformDirectory, json: HclBody): void {
  for (const [name, body] of labelled(json, 'variable')) dir.variables.set(name, body);
  for (const [name, body] of labelled(json, 'output')) dir.outputs.set(name, body);
  for (const body of blocks(json, 'locals')) Object.assign(dir.locals, body);
  for (const [type, byName] of Object.entries(labelledTypes(json.resource))) {
    for (const [name, body] of byName) dir.resources.push({ type, name, body });
  }
  for (const [type, byName] of Object.entries(labelledTypes(json.data))) {
    for (const [name, body] of byName) dir.dataSources.push({ type, name, body });
  }
  for (const [name, args] of labelled(json, 'module')) {
    dir.modules.push({ name, source: typeof args.source === 'string' ? args.source : '', args });
  }
  dir.terraformBlocks.push(...blocks(json, 'terraform'));
}

function labelledTypes(resources: unknown): Record<string, [string, HclBody][]> {
  const out: Record<string, [string, HclBody][]> = {};
  if (typeof resources !== 'object' || resources === null) return out;
  for (const type of Object.keys(resources)) out[type] = labelled(resources as HclBody, type);
  return out;
}
