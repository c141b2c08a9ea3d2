import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkDeclarations,
  checkModuleInputs,
  formatProblems,
  loadTerraformTree,
  type TerraformTree,
} from '../../src/index.js';
import { only, treeWithModule } from '../support/fixture-tree.js';
import { terraformDir } from '../support/paths.js';

let tree: TerraformTree;
beforeAll(async () => {
  tree = await loadTerraformTree(terraformDir);
});

describe('variables, outputs and module calls of the real code', () => {
  it('gives every variable a type and a description, and every output a description', () => {
    const problems = [
      ...tree.environments.flatMap((env) => checkDeclarations(env.name, env.root)),
      ...[...tree.modules].flatMap(([name, dir]) => checkDeclarations(name, dir)),
    ];
    expect(tree.modules.size).toBeGreaterThanOrEqual(4);
    expect(formatProblems(problems)).toBe('');
  });

  it('passes every module only inputs it declares, and all it requires', () => {
    for (const env of tree.environments) {
      expect(env.modules.length).toBeGreaterThanOrEqual(4);
      expect(formatProblems(checkModuleInputs(env))).toBe('');
    }
  });

  it('marks every connection-string output of an environment sensitive', () => {
    for (const env of tree.environments) {
      for (const name of [
        'database_url',
        'admin_database_url',
        'redis_url',
        'registry_pull_docker_config',
      ]) {
        expect(env.root.outputs.get(name), `${env.name} output ${name}`).toMatchObject({
          sensitive: true,
        });
      }
    }
  });

  it('runs the same code in every environment: only terraform.tfvars and the state key differ', () => {
    const [first, ...rest] = tree.environments;
    for (const env of rest) {
      for (const file of ['main.tf', 'variables.tf', 'outputs.tf']) {
        expect(env.root.texts.get(file), `${env.name}/${file}`).toBe(first?.root.texts.get(file));
      }
    }
  });
});

describe('the declaration and module input checks', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it('reports a variable without type or description and an unmarked connection-string output', async () => {
    const fixture = await treeWithModule(`variable "size" {}

output "database_url" {
  value = "x"
}
`);
    cleanup = fixture.cleanup;
    const report = formatProblems(checkDeclarations('m', only([...fixture.modules.values()])));
    expect(report).toContain('var.size: has no type');
    expect(report).toContain('var.size: has no description');
    expect(report).toContain('output.database_url: has no description');
    expect(report).toContain(
      'output.database_url: looks like a connection string or credential but is not sensitive',
    );
  });

  it('reports an input the module does not declare and a required input that is missing', async () => {
    const fixture = await treeWithModule(
      `variable "region" {
  type        = string
  description = "Region slug of the resources."
}
`,
      {
        'environments/x/main.tf': `module "m" {
  source      = "../../modules/m"
  project     = var.project
  environment = var.environment
  droplet_sise = 2
}
`,
        'environments/x/terraform.tfvars': 'project = "p"\nenvironment = "x"\nregoin = "fra1"\n',
      },
    );
    cleanup = fixture.cleanup;
    const report = formatProblems(checkModuleInputs(only(fixture.environments)));
    expect(report).toContain('module.m.droplet_sise: is not a variable of ../../modules/m');
    expect(report).toContain('module.m: does not pass the required input region');
    expect(report).toContain(
      'terraform.tfvars: regoin: sets a variable the environment does not declare',
    );
  });
});

describe('module documentation', () => {
  it('has a README per module that names every input and output and shows an example', async () => {
    for (const [name, dir] of tree.modules) {
      const readme = await readFile(join(terraformDir, 'modules', name, 'README.md'), 'utf8');
      expect(readme, name).toContain('```hcl');
      expect(readme, name).toContain(`source = "../../modules/${name}"`);
      for (const input of dir.variables.keys())
        expect(readme, `${name} input ${input}`).toContain(`| \`${input}\` |`);
      for (const output of dir.outputs.keys())
        expect(readme, `${name} output ${output}`).toContain(`| \`${output}\` |`);
    }
  });
});
