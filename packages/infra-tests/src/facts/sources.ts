import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTerraformTree, type TerraformTree } from '../terraform/load.js';

/**
 * Every file that states a fact about the cloud environments, read once. Checks work on these
 * values, so a test can change one of them and see the disagreement reported.
 */
export interface FactSources {
  terraform: TerraformTree;
  /** opsctl.yaml as text (comments name the Terraform outputs to copy). */
  opsctlYaml: string;
  /** infrastructure/ansible/inventory/**.yml by path relative to the inventory directory. */
  inventory: Map<string, string>;
  /** infrastructure/ansible/roles/opsctl_base/defaults/main.yml: the droplet accounts. */
  baseDefaults: string;
  workflowYaml: string;
  /** .github/scripts/backup-database.sh: the workflow's backup step. */
  backupScript: string;
}

export async function readFactSources(repoRoot: string): Promise<FactSources> {
  const inventoryDir = join(repoRoot, 'infrastructure/ansible/inventory');
  const inventory = new Map<string, string>();
  for (const entry of await readdir(inventoryDir, { recursive: true })) {
    if (entry.endsWith('.yml'))
      inventory.set(entry, await readFile(join(inventoryDir, entry), 'utf8'));
  }
  const text = (path: string) => readFile(join(repoRoot, path), 'utf8');
  return {
    terraform: await loadTerraformTree(join(repoRoot, 'infrastructure/terraform')),
    opsctlYaml: await text('opsctl.yaml'),
    inventory,
    baseDefaults: await text('infrastructure/ansible/roles/opsctl_base/defaults/main.yml'),
    workflowYaml: await text('.github/workflows/ci-cd.yml'),
    backupScript: await text('.github/scripts/backup-database.sh'),
  };
}
