import type { Resource, TerraformDirectory } from './directory.js';
import type { Environment } from './environment.js';
import { isBody, type HclBody } from './hcl.js';
import { resolve, type Scope } from './resolve.js';

/** A directory as evaluated in one environment: the root itself or one of its modules. */
export interface Instance {
  label: string;
  dir: TerraformDirectory;
  scope: Scope;
}

export function instances(env: Environment): Instance[] {
  return [
    { label: `${env.name}: root`, dir: env.root, scope: env.scope },
    ...env.modules.map((m) => ({ label: m.label, dir: m.dir, scope: m.scope })),
  ];
}

export function address(resource: Resource, key?: string): string {
  return `${resource.type}.${resource.name}${key === undefined ? '' : `["${key}"]`}`;
}

/**
 * The resource's body resolved once per for_each entry (or once), so `each.value.x` becomes the
 * concrete value the environment gives it.
 */
export function expand(resource: Resource, scope: Scope): { key?: string; body: HclBody }[] {
  const forEach = resolve(resource.body.for_each, scope);
  if (!isBody(forEach)) {
    const body = resolve(resource.body, scope);
    return isBody(body) ? [{ body }] : [];
  }
  return Object.entries(forEach).flatMap(([key, value]) => {
    const body = resolve(resource.body, { ...scope, each: { key, value } });
    return isBody(body) ? [{ key, body }] : [];
  });
}
