import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkNames,
  checkTags,
  formatProblems,
  LABEL_TAGGABLE_TYPES,
  loadTerraformTree,
  type TerraformTree,
} from '../../src/index.js';
import { only, treeWithModule } from '../support/fixture-tree.js';
import { terraformDir } from '../support/paths.js';

let tree: TerraformTree;
beforeAll(async () => {
  tree = await loadTerraformTree(terraformDir);
});

describe('tags and names in the real environments', () => {
  it('has a dev, a production and a staging environment', () => {
    expect(tree.environments.map((e) => e.name)).toEqual(['dev', 'production', 'staging']);
  });

  it('tags every droplet and database cluster with its project and environment', () => {
    for (const env of tree.environments) {
      const taggable = env.modules.flatMap((m) =>
        m.dir.resources.filter((r) => LABEL_TAGGABLE_TYPES.has(r.type)),
      );
      expect(taggable.map((r) => r.type)).toEqual(
        expect.arrayContaining(['digitalocean_droplet', 'digitalocean_database_cluster']),
      );
      expect(formatProblems(checkTags(env))).toBe('');
    }
  });

  it('names every resource that cannot carry tags after its project and environment', () => {
    for (const env of tree.environments) expect(formatProblems(checkNames(env))).toBe('');
  });
});

describe('the tag check', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it('reports a droplet whose tags lack the environment', async () => {
    const fixture = await treeWithModule(`resource "digitalocean_droplet" "a" {
  name = "\${local.name_prefix}-a"
  tags = ["project:\${var.project}", "role:api"]
}
`);
    cleanup = fixture.cleanup;
    const problems = checkTags(only(fixture.environments));
    expect(formatProblems(problems)).toContain('digitalocean_droplet.a: tags lack env:x');
  });

  it('reports a database cluster without tags', async () => {
    const fixture = await treeWithModule(`resource "digitalocean_database_cluster" "db" {
  name = "\${local.name_prefix}-db"
}
`);
    cleanup = fixture.cleanup;
    expect(formatProblems(checkTags(only(fixture.environments)))).toContain(
      'tags lack project:p and env:x',
    );
  });

  it('accepts tags built with concat from local.common_tags', async () => {
    const fixture = await treeWithModule(`resource "digitalocean_droplet" "a" {
  name = "\${local.name_prefix}-a"
  tags = concat(local.common_tags, ["role"])
}
`);
    cleanup = fixture.cleanup;
    expect(checkTags(only(fixture.environments))).toEqual([]);
  });

  it('reports a firewall named without the project and environment prefix', async () => {
    const fixture = await treeWithModule(`resource "digitalocean_firewall" "fw" {
  name = "api-firewall"
}
`);
    cleanup = fixture.cleanup;
    expect(formatProblems(checkNames(only(fixture.environments)))).toContain(
      'name api-firewall does not start with p-x',
    );
  });
});
