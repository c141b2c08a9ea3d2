import { at, keysOf, parseYaml } from './yaml-value.js';

/** What the Ansible inventories say about one environment. */
export interface AnsibleFacts {
  /** Whether inventory/<env>.yml puts its hosts in group api under group <env>. */
  hasStaticInventory: boolean;
  /** Hosts of the static inventory. */
  hosts: string[];
  /** opsctl_environment of group_vars/<env>.yml. */
  groupEnvironment: unknown;
  /** Tags the dynamic inventory (<env>.digitalocean.yml) selects by; empty when there is none. */
  dynamicTags: string[];
}

export function ansibleEnvironments(inventory: Map<string, string>): string[] {
  return [...inventory.keys()]
    .filter((p) => /^[a-z][a-z0-9-]*\.yml$/.test(p) && !p.includes('.digitalocean.'))
    .map((p) => p.replace(/\.yml$/, ''))
    .sort();
}

export function ansibleFacts(inventory: Map<string, string>, env: string): AnsibleFacts {
  const staticText = inventory.get(`${env}.yml`);
  const api = staticText
    ? at(parseYaml(staticText), ['all', 'children', env, 'children', 'api'])
    : undefined;
  const groupVars = inventory.get(`group_vars/${env}.yml`);
  const dynamicText = inventory.get(`${env}.digitalocean.yml`);
  const dynamic = dynamicText ? parseYaml(dynamicText) : undefined;
  const filters: unknown = at(dynamic, ['filters']);
  const expressions: unknown[] = [
    ...(Array.isArray(filters) ? (filters as unknown[]) : []),
    at(dynamic, ['groups', 'api']),
  ];
  return {
    hasStaticInventory: api !== undefined,
    hosts: keysOf(at(api, ['hosts'])),
    groupEnvironment: groupVars ? at(parseYaml(groupVars), ['opsctl_environment']) : undefined,
    dynamicTags: expressions.map((e) => /^"([^"]+)" in do_tags$/.exec(String(e))?.[1] ?? String(e)),
  };
}

/** A variable of inventory/group_vars/<group>.yml or of a role's defaults file. */
export function yamlVariable(text: string | undefined, name: string): unknown {
  return text === undefined ? undefined : at(parseYaml(text), [name]);
}
