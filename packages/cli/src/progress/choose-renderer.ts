/** How progress is drawn on stderr. */
export type ProgressRenderer = 'default' | 'simple' | 'silent';

export interface RendererConditions {
  readonly json: boolean;
  readonly stderrIsTTY: boolean;
  /** CI=true (or any CI value other than "false"/"0"), or GITHUB_ACTIONS set. */
  readonly ci: boolean;
  /** --verbose: debug lines interleave with progress, which a redrawn tree would tear apart. */
  readonly verbose?: boolean;
}

/**
 * `silent` under --json (stdout carries only the envelope, stderr stays quiet), `simple` plain
 * lines when stderr (where progress goes) is not a terminal, in CI or with --verbose (logs stay
 * readable), `default` task trees otherwise.
 */
export function chooseRenderer(conditions: RendererConditions): ProgressRenderer {
  if (conditions.json) return 'silent';
  if (!conditions.stderrIsTTY || conditions.ci || conditions.verbose === true) return 'simple';
  return 'default';
}

/** Read the CI flag the way CI systems set it; GitHub Actions also sets GITHUB_ACTIONS=true. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const set = (value: string | undefined): boolean =>
    value !== undefined && value !== '' && value !== 'false' && value !== '0';
  return set(env.CI) || set(env.GITHUB_ACTIONS);
}
