/** How progress is drawn on stderr. */
export type ProgressRenderer = 'default' | 'simple' | 'silent';

export interface RendererConditions {
  readonly json: boolean;
  readonly stderrIsTTY: boolean;
  /** CI=true (or any CI value other than "false"/"0"). */
  readonly ci: boolean;
}

/**
 * `silent` under --json (stdout carries only the envelope, stderr stays quiet), `simple` plain
 * lines when stderr is not a terminal or in CI (logs stay readable), `default` spinners otherwise.
 */
export function chooseRenderer(conditions: RendererConditions): ProgressRenderer {
  if (conditions.json) return 'silent';
  if (!conditions.stderrIsTTY || conditions.ci) return 'simple';
  return 'default';
}

/** Read the CI flag the way CI systems set it. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
