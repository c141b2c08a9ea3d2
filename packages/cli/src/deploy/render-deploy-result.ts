import type { CommandContext } from '../context/command-context.js';
import { formatPlan } from '../exec/format-plan.js';
import type { DeployResult } from './run-deploy.js';

/** The human summary of a deploy or rollback (the --json envelope carries the result itself). */
export function renderDeployResult(context: CommandContext, result: DeployResult): void {
  if (result.dryRun) {
    context.output.line(
      `Dry run: ${result.kind} of ${result.service} ${result.sha} to ${result.environment}. Nothing was changed; these commands would run:`,
    );
    context.output.line(formatPlan(context.executors.plan.entries()));
    return;
  }
  const verb = result.kind === 'rollback' ? 'Rolled back' : 'Deployed';
  context.output.line(
    `${verb} ${result.service} ${result.sha} to ${result.environment} in ${(result.durationMs / 1000).toFixed(1)} s.`,
  );
  if (result.path !== undefined)
    context.output.line(`Path: ${result.path.path} (${result.path.reason}).`);
  context.output.table(result.droplets, [
    { header: 'DROPLET', value: (d) => d.droplet },
    { header: 'OUTCOME', value: (d) => d.outcome },
    { header: 'PREVIOUS', value: (d) => d.previousSha ?? '-' },
    { header: 'TIME', value: (d) => `${(d.durationMs / 1000).toFixed(1)} s` },
  ]);
  if (result.kind === 'deploy') {
    context.output.line(
      `Roll back with: opsctl rollback ${result.environment}${result.droplets[0]?.previousSha === undefined ? ' --sha <sha>' : ''}`,
    );
  }
}
