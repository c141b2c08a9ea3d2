import type { PlannedCommand } from './dry-run-plan.js';

/**
 * A dry-run plan for people, grouped by host like `terraform plan`:
 *
 *     Plan for droplet-1 (deploy@127.0.0.1:2221):
 *       # pull the new image
 *       $ docker pull registry.example.com/api:abc1234
 *
 *     2 commands on 1 host. Nothing was changed (dry run).
 */
export function formatPlan(entries: readonly PlannedCommand[]): string {
  if (entries.length === 0) return 'No commands would run. Nothing was changed (dry run).\n';
  const byTarget = new Map<string, PlannedCommand[]>();
  for (const entry of entries) {
    const list = byTarget.get(entry.target) ?? [];
    list.push(entry);
    byTarget.set(entry.target, list);
  }
  const out: string[] = [];
  for (const [target, list] of byTarget) {
    out.push(`Plan for ${target}:`);
    for (const entry of list) {
      if (entry.description) out.push(`  # ${entry.description}`);
      out.push(`  $ ${entry.line}`);
      if (entry.stdin !== undefined) {
        out.push('    with stdin:');
        for (const line of entry.stdin.replace(/\n$/, '').split('\n')) out.push(`    | ${line}`);
      }
    }
    out.push('');
  }
  const commands = entries.length === 1 ? '1 command' : `${entries.length} commands`;
  const hosts = byTarget.size === 1 ? '1 host' : `${byTarget.size} hosts`;
  out.push(`${commands} on ${hosts}. Nothing was changed (dry run).`);
  return `${out.join('\n')}\n`;
}
