import { beforeAll, describe, expect, it } from 'vitest';
import { loadTerraformTree, type Environment } from '../../src/index.js';
import { terraformDir } from '../support/paths.js';

let byName: Map<string, Environment>;
beforeAll(async () => {
  const tree = await loadTerraformTree(terraformDir);
  byName = new Map(tree.environments.map((e) => [e.name, e]));
});

function tfvars(name: string): Record<string, unknown> {
  const env = byName.get(name);
  if (!env) throw new Error(`no Terraform environment ${name}`);
  return env.tfvars;
}

/** vCPUs and memory of a size slug such as s-2vcpu-4gb or db-s-1vcpu-2gb, for comparing sizes. */
function capacity(slug: unknown): [number, number] {
  const match = /(\d+)vcpu-(\d+)gb$/.exec(String(slug));
  if (!match) throw new Error(`unexpected size slug ${String(slug)}`);
  return [Number(match[1]), Number(match[2])];
}

function atLeast(bigger: unknown, smaller: unknown): boolean {
  const [cpuA, memA] = capacity(bigger);
  const [cpuB, memB] = capacity(smaller);
  return cpuA >= cpuB && memA >= memB && (cpuA > cpuB || memA > memB);
}

describe('production, sized for production', () => {
  it('is its own environment with its own state, network and label', () => {
    const production = tfvars('production');
    expect(production.environment).toBe('production');
    expect(production.project_environment).toBe('Production');
    expect(production.vpc_ip_range).not.toBe(tfvars('staging').vpc_ip_range);
    expect(byName.get('production')?.root.texts.get('versions.tf')).toContain(
      'key          = "production/terraform.tfstate"',
    );
  });

  it('runs more and bigger droplets, database and cache nodes than staging', () => {
    const production = tfvars('production');
    const staging = tfvars('staging');
    expect(Number(production.api_droplet_count)).toBeGreaterThan(Number(staging.api_droplet_count));
    expect(atLeast(production.api_droplet_size, staging.api_droplet_size)).toBe(true);
    expect(atLeast(production.postgres_size, staging.postgres_size)).toBe(true);
    expect(atLeast(production.cache_size, staging.cache_size)).toBe(true);
    expect(Number(production.backup_retention_days)).toBeGreaterThanOrEqual(
      Number(staging.backup_retention_days),
    );
  });

  it('has the same Terraform shape as staging: the same module calls and outputs', () => {
    const shape = (name: string) => {
      const env = byName.get(name);
      return {
        modules: env?.root.modules.map((m) => [m.name, Object.keys(m.args).sort()]),
        outputs: [...(env?.root.outputs.keys() ?? [])].sort(),
        variables: [...(env?.root.variables.keys() ?? [])].sort(),
      };
    };
    expect(shape('production')).toEqual(shape('staging'));
  });
});
