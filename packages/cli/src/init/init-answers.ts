/** What `opsctl init` writes from: the answers to its prompts, or its flags and defaults. */
export interface InitAnswers {
  /** opsctl.yaml's `project`. */
  readonly project: string;
  /** The one service's name: its image repository, container name and droplet tag suffix. */
  readonly service: string;
  readonly port: number;
  /** Names of the secrets the service reads at run time, declared in every environment. */
  readonly secrets: readonly string[];
  /** The opsctl release the workflow installs: the one that wrote it. */
  readonly opsctlVersion: string;
  /**
   * The folder of opsctl.yaml relative to the repository root, `.` at the root: the workflow's
   * steps run there.
   */
  readonly workingDirectory: string;
}

/** The environments init writes, in the order a release reaches them. */
export const INIT_ENVIRONMENTS = ['staging', 'production'] as const;

/** Project, service and environment names (opsctl.yaml's slug rule). */
export const SLUG_NAME = /^[a-z][a-z0-9-]{0,39}$/;
export const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A folder name made into a valid opsctl name: lower case, runs of other characters as one `-`,
 * starting with a letter, at most 40 characters (`My_App.v2` → `my-app-v2`).
 */
export function slugFromFolder(folder: string): string {
  const words = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const lettered = /^[a-z]/.test(words) ? words : `app-${words}`.replace(/-+$/, '');
  return lettered.slice(0, 40).replace(/-+$/, '');
}
