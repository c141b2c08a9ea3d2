import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkDatabases,
  formatProblems,
  loadTerraformTree,
  resolve,
  type TerraformTree,
} from '../../src/index.js';
import { only, treeWithModule } from '../support/fixture-tree.js';
import { terraformDir } from '../support/paths.js';

let tree: TerraformTree;
beforeAll(async () => {
  tree = await loadTerraformTree(terraformDir);
});

function postgresNodeCount(envName: string): unknown {
  const env = tree.environments.find((e) => e.name === envName);
  const db = env?.modules.find((m) => m.call.name === 'database');
  const cluster = db?.dir.resources.find(
    (r) => r.type === 'digitalocean_database_cluster' && r.body.engine === 'pg',
  );
  return db && cluster ? resolve(cluster.body.node_count, db.scope) : undefined;
}

describe('the managed databases of the real environments', () => {
  it('runs PostgreSQL on two nodes in staging', () => {
    expect(postgresNodeCount('staging')).toBe(2);
  });

  it('runs PostgreSQL on three nodes in production (a primary and two standbys)', () => {
    expect(postgresNodeCount('production')).toBe(3);
  });

  it('runs PostgreSQL on one node in dev', () => {
    expect(postgresNodeCount('dev')).toBe(1);
  });

  it('trusts only the API droplet tag, and the API cluster module is where that tag comes from', () => {
    for (const env of tree.environments) {
      expect(formatProblems(checkDatabases(env))).toBe('');
      const db = env.modules.find((m) => m.call.name === 'database');
      expect(db?.call.args.trusted_droplet_tag).toBe('${module.api_cluster.api_tag}');
      const engines = db?.dir.resources
        .filter((r) => r.type === 'digitalocean_database_cluster')
        .map((r) => resolve(r.body.engine, db.scope));
      expect(engines?.sort()).toEqual(['pg', 'valkey']);
    }
  });
});

describe('the database check', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it('reports a cluster outside the VPC and without a firewall', async () => {
    const fixture = await treeWithModule(`resource "digitalocean_database_cluster" "pg" {
  name = "\${local.name_prefix}-pg"
  tags = local.common_tags
}
`);
    cleanup = fixture.cleanup;
    const report = formatProblems(checkDatabases(only(fixture.environments)));
    expect(report).toContain('is not placed in the VPC');
    expect(report).toContain('has no digitalocean_database_firewall');
  });

  it('reports a database firewall that trusts an address', async () => {
    const fixture = await treeWithModule(`resource "digitalocean_database_cluster" "pg" {
  name                 = "\${local.name_prefix}-pg"
  private_network_uuid = "vpc"
}

resource "digitalocean_database_firewall" "pg" {
  cluster_id = digitalocean_database_cluster.pg.id
  rule {
    type  = "ip_addr"
    value = "0.0.0.0/0"
  }
}
`);
    cleanup = fixture.cleanup;
    expect(formatProblems(checkDatabases(only(fixture.environments)))).toContain(
      'trusts a source of type ip_addr',
    );
  });
});
