import { appendFile } from 'node:fs/promises';
import type { DeployResult } from './run-deploy.js';

/** The deploy as Markdown for a GitHub Actions job summary. */
export function deploySummaryMarkdown(result: DeployResult): string {
  const icon =
    result.outcome === 'succeeded' ? '✅' : result.outcome === 'rolled-back' ? '↩️' : '❌';
  const lines = [
    `### ${icon} opsctl ${result.kind} of \`${result.service}\` to ${result.environment}: ${result.outcome}`,
    '',
    `Release \`${result.sha}\` (\`${result.digest}\`) in ${(result.durationMs / 1000).toFixed(1)} s.`,
    '',
    '| Droplet | Outcome | Previous | Time |',
    '| --- | --- | --- | --- |',
    ...result.droplets.map(
      (d) =>
        `| ${d.droplet} | ${d.outcome} | ${d.previousSha ?? '-'} | ${(d.durationMs / 1000).toFixed(1)} s |`,
    ),
  ];
  if (result.smoke !== undefined && !result.smoke.ok)
    lines.push('', `Smoke test: ${result.smoke.failures.join('; ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Under GitHub Actions, appends the summary to the file named by GITHUB_STEP_SUMMARY (GitHub shows
 * it on the run's page, where `::add-mask::` does not reach). Smoke test failures quote what the
 * service answered, so the text goes through `redact` like every other output.
 */
export async function writeStepSummary(
  env: Readonly<Record<string, string | undefined>>,
  result: DeployResult,
  redact: (text: string) => string,
): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '' || result.dryRun) return;
  await appendFile(file, redact(deploySummaryMarkdown(result)));
}
