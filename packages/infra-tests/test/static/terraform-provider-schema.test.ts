import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkSchema,
  formatProblems,
  loadProviderSchema,
  loadTerraformTree,
  type ProviderSchema,
  type TerraformTree,
} from '../../src/index.js';
import { only, treeWithModule } from '../support/fixture-tree.js';
import { terraformDir } from '../support/paths.js';

let tree: TerraformTree;
let provider: ProviderSchema;
beforeAll(async () => {
  [tree, provider] = await Promise.all([loadTerraformTree(terraformDir), loadProviderSchema()]);
});

function problemsOf(t: TerraformTree): string[] {
  return [...t.modules].flatMap(([name, dir]) =>
    checkSchema(`modules/${name}`, dir, provider).map((p) => formatProblems([p])),
  );
}

describe('the Terraform code against the DigitalOcean provider schema', () => {
  it('reads the schema of the provider version every environment pins', () => {
    for (const env of tree.environments) {
      const pin = env.root.texts.get('versions.tf') ?? '';
      expect(pin, env.name).toContain(`version = "~> ${provider.version}"`);
    }
    expect(provider.resources.get('digitalocean_loadbalancer')?.blocks.has('forwarding_rule')).toBe(
      true,
    );
  });

  it('uses only resource types, arguments, blocks and attributes the provider has', () => {
    const roots = tree.environments.flatMap((env) =>
      checkSchema(`environments/${env.name}`, env.root, provider).map((p) => formatProblems([p])),
    );
    expect([...problemsOf(tree), ...roots]).toEqual([]);
  });
});

describe('the schema check', () => {
  it.each([
    [
      'a misspelled argument',
      'resource "digitalocean_droplet" "d" {\n  name = "x"\n  sise = "s-1vcpu-1gb"\n}\n',
      'digitalocean_droplet.d.sise: is not an argument or block of this type',
    ],
    [
      'an argument inside a nested block',
      'resource "digitalocean_loadbalancer" "lb" {\n  name = "x"\n  healthcheck {\n    protocol = "http"\n    interval = 10\n  }\n}\n',
      'digitalocean_loadbalancer.lb.healthcheck.interval: is not an argument',
    ],
    [
      'a resource type that does not exist',
      'resource "digitalocean_load_balancer" "lb" {\n  name = "x"\n}\n',
      'is not a resource type of DigitalOcean provider',
    ],
    [
      'an attribute read that does not exist',
      'resource "digitalocean_droplet" "d" {\n  name = "x"\n}\n\noutput "ip" {\n  value = digitalocean_droplet.d.public_ip\n}\n',
      'reads public_ip, which digitalocean_droplet does not have',
    ],
    [
      'a data source argument',
      'data "digitalocean_container_registry" "r" {\n  name   = "x"\n  region = "fra1"\n}\n',
      'data.digitalocean_container_registry.r.region: is not an argument',
    ],
  ])('reports %s', async (_what, code, message) => {
    const fixture = await treeWithModule(code);
    try {
      const problems = checkSchema('m', only([...fixture.modules.values()]), provider);
      expect(formatProblems(problems)).toContain(message);
    } finally {
      await fixture.cleanup();
    }
  });
});
