import { at, keysOf, parseYaml } from './yaml-value.js';

/** What the CI/CD workflow and its backup script say about the environments. */
export interface WorkflowFacts {
  /** Environments a rollback can be dispatched to. */
  rollbackEnvironments: string[];
  /** Environment of each job that names one literally, by job id. */
  jobEnvironments: Map<string, string>;
  /** Environment argument of each backup step, by job id. */
  backupEnvironments: Map<string, string>;
  /** Registry name in the image the docker job scans (registry.digitalocean.com/<name>/...). */
  scannedRegistry: string | undefined;
  /** The user the backup script makes Ansible log in as (an extra var beats the inventory). */
  backupUser: string | undefined;
  /** Whether the backup script also passes --user/-u, which the inventory's ansible_user beats. */
  backupPassesUserFlag: boolean;
}

const DO_IMAGE = /^registry\.digitalocean\.com\/([a-z0-9-]+)\//;

export function workflowFacts(workflowYaml: string, backupScript: string): WorkflowFacts {
  const workflow = parseYaml(workflowYaml);
  const options = at(workflow, ['on', 'workflow_dispatch', 'inputs', 'environment', 'options']);
  const jobEnvironments = new Map<string, string>();
  const backupEnvironments = new Map<string, string>();
  for (const id of keysOf(at(workflow, ['jobs']))) {
    const job = at(workflow, ['jobs', id]);
    const environment = at(job, ['environment', 'name']) ?? at(job, ['environment']);
    if (typeof environment === 'string' && !environment.includes('${{'))
      jobEnvironments.set(id, environment);
    const steps = at(job, ['steps']);
    for (const step of Array.isArray(steps) ? steps : []) {
      const run = at(step, ['run']);
      const backup = typeof run === 'string' ? /backup-database\.sh\s+(\S+)/.exec(run) : null;
      if (backup?.[1]) backupEnvironments.set(id, backup[1]);
    }
  }
  const image = at(workflow, ['jobs', 'docker', 'env', 'IMAGE']);
  return {
    rollbackEnvironments: Array.isArray(options) ? options.map(String) : [],
    jobEnvironments,
    backupEnvironments,
    scannedRegistry: typeof image === 'string' ? DO_IMAGE.exec(image)?.[1] : undefined,
    backupUser: /-e\s+"?ansible_user=([a-z_][a-z0-9_-]*)/.exec(backupScript)?.[1],
    backupPassesUserFlag: /\s(--user|-u)\s/.test(backupScript),
  };
}
