import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ansibleDir, repoRoot } from '../../support/paths.js';

/**
 * A copy of the repository's deploy tooling (`.github/scripts`, `infrastructure/ansible`) in which
 * `inventory/production.yml` keeps production's groups and host names but every host is the given
 * SSH endpoint. Everything else, group_vars included, is the repository's own, so a workflow step
 * run from this workspace runs production's scripts with production's settings.
 */
export interface ProductionWorkspace {
  readonly root: string;
  readonly ansibleDir: string;
  /** The inventory's hosts in order (the first is where backup.yml runs). */
  readonly hosts: readonly string[];
  /** production's group_vars as the repository has them. */
  readonly groupVars: Readonly<Record<string, unknown>>;
  readonly remove: () => Promise<void>;
}

interface Group {
  hosts?: Record<string, Record<string, unknown> | null>;
  children?: Record<string, Group>;
}

/** Points every host of the inventory tree at `address`:`port`; returns the host names. */
function retarget(group: Group, address: string, port: number): string[] {
  const names: string[] = [];
  const hosts = group.hosts ?? {};
  for (const [name, vars] of Object.entries(hosts)) {
    hosts[name] = { ...vars, ansible_host: address, ansible_port: port };
    names.push(name);
  }
  for (const child of Object.values(group.children ?? {}))
    names.push(...retarget(child, address, port));
  return names;
}

export async function productionWorkspace(
  address: string,
  port: number,
): Promise<ProductionWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'opsctl-production-workspace-'));
  const copy = join(root, 'infrastructure/ansible');
  await mkdir(join(root, '.github'), { recursive: true });
  await cp(join(repoRoot, '.github/scripts'), join(root, '.github/scripts'), { recursive: true });
  await cp(ansibleDir, copy, { recursive: true });
  const inventoryPath = join(copy, 'inventory/production.yml');
  const inventory = parse(await readFile(inventoryPath, 'utf8')) as { all: Group };
  const hosts = retarget(inventory.all, address, port);
  if (hosts.length === 0) throw new Error(`${inventoryPath} lists no hosts`);
  await writeFile(
    inventoryPath,
    `# infrastructure/ansible/inventory/production.yml with every host at ${address}:${String(port)}\n${stringify(inventory)}`,
  );
  const groupVars = parse(
    await readFile(join(copy, 'inventory/group_vars/production.yml'), 'utf8'),
  ) as Record<string, unknown>;
  return {
    root,
    ansibleDir: copy,
    hosts,
    groupVars,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
