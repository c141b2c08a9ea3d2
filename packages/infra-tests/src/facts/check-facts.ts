import type { Problem } from '../problem.js';
import { ansibleEnvironments, ansibleFacts, yamlVariable } from './ansible-facts.js';
import {
  LOCAL_ENVIRONMENT,
  loadBalancerIdCommand,
  opsctlEnvironments,
  opsctlFacts,
} from './opsctl-facts.js';
import type { FactSources } from './sources.js';
import { terraformFacts } from './terraform-facts.js';
import { workflowFacts } from './workflow-facts.js';

/**
 * Each fact about a cloud environment lives in one place and every other file that states it is
 * checked against that place:
 * - the set of environments: infrastructure/terraform/environments/*;
 * - droplet tag, URL (domain), registry name, load balancer id: Terraform;
 * - the deploy and admin accounts: Ansible's opsctl_base defaults (the accounts it creates), with
 *   the admin account also created by Terraform's user-data.
 */
export function checkFacts(sources: FactSources): Problem[] {
  const problems: Problem[] = [];
  const report = (where: string, address: string, message: string) =>
    problems.push({ where, address, message });
  const envs = sources.terraform.environments.map((e) => e.name).sort();
  const sameSet = (where: string, what: string, names: readonly string[]) => {
    const sorted = [...names].sort();
    if (sorted.join() !== envs.join())
      report(where, what, `lists [${sorted.join(', ')}], Terraform has [${envs.join(', ')}]`);
  };
  sameSet(
    'opsctl.yaml',
    'environments',
    opsctlEnvironments(sources.opsctlYaml).filter((e) => e !== LOCAL_ENVIRONMENT),
  );
  sameSet(
    'infrastructure/ansible/inventory',
    '<environment>.yml',
    ansibleEnvironments(sources.inventory),
  );

  const deployUser = yamlVariable(sources.baseDefaults, 'opsctl_deploy_user');
  const adminUser = yamlVariable(sources.baseDefaults, 'opsctl_admin_user');
  const inventoryUser = yamlVariable(sources.inventory.get('group_vars/api.yml'), 'ansible_user');
  if (inventoryUser !== adminUser)
    report(
      'inventory/group_vars/api.yml',
      'ansible_user',
      `is ${String(inventoryUser)}, the admin account opsctl_base creates is ${String(adminUser)}`,
    );

  for (const env of sources.terraform.environments) {
    const tf = terraformFacts(env);
    const opsctl = opsctlFacts(sources.opsctlYaml, env.name);
    const ansible = ansibleFacts(sources.inventory, env.name);
    const where = `opsctl.yaml: environments.${env.name}`;
    const expect = (
      place: string,
      address: string,
      actual: unknown,
      wanted: unknown,
      source: string,
    ) => {
      if (actual !== wanted)
        report(
          place,
          address,
          `is ${JSON.stringify(actual)}, ${source} is ${JSON.stringify(wanted)}`,
        );
    };
    expect(
      where,
      'droplets.tag',
      opsctl.dropletTag,
      tf.dropletTag,
      "the tag Terraform's api-cluster module gives the droplets",
    );
    expect(
      where,
      'loadBalancer.url',
      opsctl.url,
      tf.url,
      `https:// and Terraform's domain of ${env.name}`,
    );
    expect(
      where,
      'registry.digitalocean',
      opsctl.registryName,
      tf.registryName,
      `the registry Terraform's ${env.name} environment uses`,
    );
    expect(
      where,
      'ssh.user',
      opsctl.sshUser,
      deployUser,
      'the deploy account setup-api.yml creates (opsctl_base opsctl_deploy_user)',
    );
    expect(
      `terraform/environments/${env.name}`,
      'output.load_balancer_id',
      tf.outputs.get('load_balancer_id'),
      '${module.api_cluster.load_balancer_id}',
      'the api-cluster load balancer',
    );
    expect(
      `terraform/environments/${env.name}`,
      'output.api_endpoint',
      tf.outputs.get('api_endpoint'),
      'https://${var.domain}',
      'the URL of the domain',
    );
    expect(
      `terraform/environments/${env.name}`,
      'module.api_cluster admin_user',
      tf.adminUser,
      adminUser,
      'the admin account opsctl_base expects',
    );
    if (!opsctl.namesLoadBalancerOutput)
      report(
        where,
        'loadBalancer.digitalocean',
        `no comment names \`${loadBalancerIdCommand(env.name)}\`, the output its value comes from`,
      );
    if (!ansible.hasStaticInventory)
      report(
        `inventory/${env.name}.yml`,
        `all.children.${env.name}.children.api`,
        'is missing: every Terraform environment has its hosts in group api under its own group',
      );
    for (let i = 1; i <= Number(env.scope.vars.api_droplet_count); i++) {
      const host = `${String(tf.dropletTag)}-${String(i)}`;
      if (!ansible.hosts.includes(host))
        report(
          `inventory/${env.name}.yml`,
          'api.hosts',
          `lacks ${host}: Terraform creates ${String(env.scope.vars.api_droplet_count)} droplets named <tag>-<n>`,
        );
    }
    expect(
      `inventory/group_vars/${env.name}.yml`,
      'opsctl_environment',
      ansible.groupEnvironment,
      env.name,
      'the environment',
    );
    for (const tag of ansible.dynamicTags)
      expect(
        `inventory/${env.name}.digitalocean.yml`,
        'filters/groups.api',
        tag,
        tf.dropletTag,
        "the tag Terraform's api-cluster module gives the droplets",
      );
  }

  const workflow = workflowFacts(sources.workflowYaml, sources.backupScript);
  for (const name of workflow.rollbackEnvironments)
    if (!envs.includes(name))
      report(
        '.github/workflows/ci-cd.yml',
        'workflow_dispatch.inputs.environment',
        `offers ${name}, which has no Terraform environment`,
      );
  for (const [job, name] of workflow.jobEnvironments)
    if (!envs.includes(name))
      report(
        '.github/workflows/ci-cd.yml',
        `jobs.${job}.environment`,
        `is ${name}, which has no Terraform environment`,
      );
  for (const [job, name] of workflow.backupEnvironments)
    if (workflow.jobEnvironments.get(job) !== name)
      report(
        '.github/workflows/ci-cd.yml',
        `jobs.${job}`,
        `backs up ${name} in a job for ${String(workflow.jobEnvironments.get(job))}`,
      );
  for (const env of new Set(workflow.jobEnvironments.values())) {
    const registry = opsctlFacts(sources.opsctlYaml, env).registryName;
    if (envs.includes(env) && workflow.scannedRegistry !== registry)
      report(
        '.github/workflows/ci-cd.yml',
        'jobs.docker.env.IMAGE',
        `scans an image of registry ${String(workflow.scannedRegistry)}, ${env} pushes to ${String(registry)}`,
      );
  }
  if (workflow.backupUser !== deployUser || workflow.backupPassesUserFlag)
    report(
      '.github/scripts/backup-database.sh',
      'ansible_user',
      `logs in as ${String(workflow.backupUser)}${workflow.backupPassesUserFlag ? " with --user/-u, which group_vars/api.yml's ansible_user beats" : ''}; it must pass -e ansible_user=${String(deployUser)} (the deploy account, whose key CI holds)`,
    );
  return problems;
}
