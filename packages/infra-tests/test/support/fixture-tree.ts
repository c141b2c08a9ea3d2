import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadTerraformTree, type TerraformTree } from '../../src/index.js';

const ENV_MAIN = `module "m" {
  source      = "../../modules/m"
  project     = var.project
  environment = var.environment
}
`;
const VARIABLES = `variable "project" {
  type        = string
  description = "Project name for tags and names."
}

variable "environment" {
  type        = string
  description = "Environment name for tags and names."
}
`;

/**
 * A throw-away Terraform tree with one environment ("x") calling one module ("m") whose extra
 * code is given: the checks must find the fault planted in it.
 */
export async function treeWithModule(
  moduleTf: string,
  extraFiles: Record<string, string> = {},
): Promise<TerraformTree & { cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'opsctl-tf-fixture-'));
  const files: Record<string, string> = {
    'environments/x/main.tf': ENV_MAIN,
    'environments/x/variables.tf': VARIABLES,
    'environments/x/terraform.tfvars': 'project     = "p"\nenvironment = "x"\n',
    'modules/m/variables.tf': VARIABLES,
    'modules/m/main.tf': `locals {\n  name_prefix = "\${var.project}-\${var.environment}"\n  common_tags = ["project:\${var.project}", "env:\${var.environment}"]\n}\n\n${moduleTf}`,
    ...extraFiles,
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  const tree = await loadTerraformTree(root);
  return { ...tree, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export function only<T>(items: readonly T[]): T {
  if (items.length !== 1 || items[0] === undefined)
    throw new Error(`expected exactly one item, got ${items.length}`);
  return items[0];
}
