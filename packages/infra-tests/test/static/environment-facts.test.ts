import { beforeAll, describe, expect, it } from 'vitest';
import { checkFacts, formatProblems, readFactSources, type FactSources } from '../../src/index.js';
import { repoRoot } from '../support/paths.js';

let sources: FactSources;
beforeAll(async () => {
  sources = await readFactSources(repoRoot);
});

/** The repository's sources with one file's text edited. */
function edited(
  key: 'opsctlYaml' | 'workflowYaml' | 'backupScript' | 'baseDefaults',
  from: string,
  to: string,
): FactSources {
  expect(sources[key]).toContain(from);
  return { ...sources, [key]: sources[key].replace(from, to) };
}

function editedInventory(path: string, from: string, to: string): FactSources {
  const text = sources.inventory.get(path) ?? '';
  expect(text).toContain(from);
  return { ...sources, inventory: new Map([...sources.inventory, [path, text.replace(from, to)]]) };
}

describe('each fact about an environment agrees across Terraform, opsctl.yaml, Ansible and CI', () => {
  it('has the same cloud environments everywhere, production included', () => {
    expect(sources.terraform.environments.map((e) => e.name)).toEqual([
      'dev',
      'production',
      'staging',
    ]);
    // One line per disagreement, printed whole when the test fails.
    expect(checkFacts(sources).map((p) => formatProblems([p]))).toEqual([]);
  });
});

describe('the facts check', () => {
  const cases: [string, () => FactSources, string][] = [
    [
      'a droplet tag in opsctl.yaml',
      () => edited('opsctlYaml', 'tag: opsctl-staging-api', 'tag: api-staging'),
      'opsctl.yaml: environments.staging: droplets.tag: is "api-staging"',
    ],
    [
      'a droplet tag in a dynamic inventory',
      () =>
        editedInventory(
          'production.digitalocean.yml',
          `groups:\n  api: '"opsctl-production-api"`,
          `groups:\n  api: '"api-production"`,
        ),
      'inventory/production.digitalocean.yml: filters/groups.api: is "api-production"',
    ],
    [
      'the URL in opsctl.yaml',
      () =>
        edited(
          'opsctlYaml',
          'url: https://staging-api.example.com',
          'url: https://staging.example.com',
        ),
      'loadBalancer.url: is "https://staging.example.com", https:// and Terraform\'s domain of staging',
    ],
    [
      'where the load balancer id comes from',
      () =>
        edited(
          'opsctlYaml',
          'environments/production output -raw load_balancer_id',
          'output load_balancer_id',
        ),
      'environments.production: loadBalancer.digitalocean: no comment names',
    ],
    [
      'the registry name in opsctl.yaml',
      () =>
        edited('opsctlYaml', 'digitalocean: opsctl\n    ssh', 'digitalocean: opsctl-prod\n    ssh'),
      'registry.digitalocean: is "opsctl-prod"',
    ],
    [
      'the registry of the scanned image',
      () =>
        edited(
          'workflowYaml',
          'registry.digitalocean.com/opsctl/api',
          'registry.digitalocean.com/acme/api',
        ),
      'jobs.docker.env.IMAGE: scans an image of registry acme',
    ],
    [
      'the SSH user in opsctl.yaml',
      () =>
        edited(
          'opsctlYaml',
          'user: deploy\n      key: ~/.ssh/opsctl_deploy',
          'user: ops\n      key: ~/.ssh/opsctl_deploy',
        ),
      'ssh.user: is "ops", the deploy account',
    ],
    [
      'the deploy account Ansible creates',
      () => edited('baseDefaults', 'opsctl_deploy_user: deploy', 'opsctl_deploy_user: opsctl'),
      'ssh.user: is "deploy", the deploy account setup-api.yml creates (opsctl_base opsctl_deploy_user) is "opsctl"',
    ],
    [
      'the backup user given as --user, which the inventory beats',
      () => edited('backupScript', '-e ansible_user=deploy', '--user deploy'),
      'backup-database.sh: ansible_user: logs in as undefined with --user/-u',
    ],
    [
      'an environment the workflow rolls back',
      () => edited('workflowYaml', 'options: [staging, production]', 'options: [staging, prod]'),
      'workflow_dispatch.inputs.environment: offers prod, which has no Terraform environment',
    ],
    [
      'an environment missing from opsctl.yaml',
      () => edited('opsctlYaml', '\n  dev:\n', '\n  development:\n'),
      'opsctl.yaml: environments: lists [development, production, staging], Terraform has [dev, production, staging]',
    ],
    [
      'an inventory missing for an environment',
      () => {
        const inventory = new Map(sources.inventory);
        inventory.delete('production.yml');
        return { ...sources, inventory };
      },
      'inventory/production.yml: all.children.production.children.api: is missing',
    ],
  ];

  it.each(cases)('reports %s changed in one place only', (_what, change, message) => {
    expect(formatProblems(checkFacts(change()))).toContain(message);
  });

  it('reports a Terraform domain that opsctl.yaml does not follow', () => {
    const [first, ...rest] = sources.terraform.environments;
    if (!first) throw new Error('no Terraform environment');
    const moved = {
      ...first,
      scope: { ...first.scope, vars: { ...first.scope.vars, domain: 'api.example.org' } },
    };
    const problems = checkFacts({
      ...sources,
      terraform: { ...sources.terraform, environments: [moved, ...rest] },
    });
    expect(formatProblems(problems)).toContain(`environments.${first.name}: loadBalancer.url`);
  });
});
