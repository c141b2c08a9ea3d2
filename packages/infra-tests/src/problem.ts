/** One finding of a check: where it is and what is wrong, phrased so the fix is obvious. */
export interface Problem {
  /** Environment or module directory the finding belongs to, relative to infrastructure/terraform. */
  where: string;
  /** Resource, variable or block address, e.g. module.database.digitalocean_database_cluster.postgres. */
  address: string;
  message: string;
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.where}: ${p.address}: ${p.message}`).join('\n');
}
