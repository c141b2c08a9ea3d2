import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadTerraformTree, type TerraformTree } from '../../src/index.js';
import { ansibleDir, terraformDir } from '../support/paths.js';

let tree: TerraformTree;
beforeAll(async () => {
  tree = await loadTerraformTree(terraformDir);
});

async function yamlFile(path: string): Promise<Record<string, unknown>> {
  return parse(await readFile(join(ansibleDir, path), 'utf8')) as Record<string, unknown>;
}

describe('the Ansible inventories agree with the Terraform environments', () => {
  it('send backups to the bucket the storage module creates', async () => {
    for (const env of tree.environments) {
      const vars = await yamlFile(`inventory/group_vars/${env.name}.yml`);
      const { project, environment, backups_bucket_suffix: suffix } = env.tfvars;
      expect(vars.backup_s3_bucket).toBe(
        `${String(project)}-${String(environment)}-backups-${String(suffix)}`,
      );
      expect(vars.backup_s3_endpoint).toBe(
        `https://${String(env.tfvars.region)}.digitaloceanspaces.com`,
      );
    }
  });

  it('grant the database user Terraform creates, in the database it creates', async () => {
    const defaults = await yamlFile('roles/pg_app_grants/defaults/main.yml');
    for (const env of tree.environments) {
      expect(defaults.grants_database, env.name).toBe(env.tfvars.database_name);
      expect(defaults.grants_app_user, env.name).toBe(env.tfvars.database_user);
    }
  });

  it('let HTTP in from the VPC the load balancer lives in', async () => {
    for (const env of tree.environments) {
      const vars = await yamlFile(`inventory/group_vars/${env.name}.yml`);
      expect(vars.opsctl_firewall_http_sources).toEqual([env.tfvars.vpc_ip_range]);
    }
  });

  it('name the hosts the way the api-cluster module names droplets', async () => {
    for (const env of tree.environments) {
      const inventory = await yamlFile(`inventory/${env.name}.yml`);
      const text = JSON.stringify(inventory);
      const count = Number(env.tfvars.api_droplet_count);
      for (let i = 1; i <= count; i++)
        expect(text).toContain(`"opsctl-${env.name}-api-${String(i)}"`);
    }
  });

  it('select staging droplets in the dynamic inventory by the tag Terraform gives them', async () => {
    const dynamic = await yamlFile('inventory/staging.digitalocean.yml');
    expect(dynamic.plugin).toBe('community.digitalocean.digitalocean');
    expect(dynamic.filters).toEqual(['"opsctl-staging-api" in do_tags']);
    const apiCluster = tree.modules.get('api-cluster');
    expect(apiCluster?.resources.find((r) => r.type === 'digitalocean_tag')?.body.name).toBe(
      '${local.name_prefix}-api',
    );
  });

  it('connect as the admin user the droplet user-data creates', async () => {
    const vars = await yamlFile('inventory/group_vars/api.yml');
    const apiCluster = tree.modules.get('api-cluster');
    expect(apiCluster?.variables.get('admin_user')?.default).toBe(vars.ansible_user);
  });
});
