import { readFile, realpath } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import { applyInitPlan, existingTargets, type InitFileAction } from '../init/apply-init-plan.js';
import { exposedPort } from '../init/dockerfile-port.js';
import { slugFromFolder } from '../init/init-answers.js';
import { filesExist, noDockerfile, notGitRepository } from '../init/init-errors.js';
import { ENV_EXAMPLE_PATH, GITIGNORE_PATH, planInit } from '../init/init-plan.js';
import { repositoryRoot } from '../init/repository-root.js';
import { askAnswers, validateAnswers } from '../init/resolve-answers.js';
import type { Ask } from '../init/terminal-prompt.js';

export interface InitOptions {
  /** Service name (default: the repository folder's name). */
  readonly service: string | undefined;
  /** Container port (default: the Dockerfile's EXPOSE, else 3000). */
  readonly port: number | undefined;
  readonly secrets: readonly string[];
  readonly force: boolean;
  readonly dryRun: boolean;
  /** The opsctl release running, which the workflow installs. */
  readonly opsctlVersion: string;
  /** Set in a terminal (and not --yes): questions for the service name, port and secrets. */
  readonly ask: Ask | undefined;
}

export interface InitResult {
  /** The folder init ran in (opsctl.yaml's folder). */
  readonly directory: string;
  readonly dryRun: boolean;
  /** Each file relative to `directory`, with its whole new content. */
  readonly files: readonly {
    readonly path: string;
    readonly action: InitFileAction | 'would-write';
    readonly content: string;
  }[];
}

const readIfThere = (path: string): Promise<string | undefined> =>
  readFile(path, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  });

/**
 * Adopt opsctl in a repository: opsctl.yaml, its JSON Schema, a GitHub workflow and
 * .env.example lines, planned in full and checked against what exists before anything is
 * written (all or nothing).
 */
export async function init(context: CommandContext, options: InitOptions): Promise<InitResult> {
  const dir = await realpath(context.cwd);
  const root = await repositoryRoot(context.executors.local(), dir);
  if (root === undefined) throw notGitRepository(dir);
  const dockerfile = await readIfThere(join(dir, 'Dockerfile'));
  if (dockerfile === undefined) throw noDockerfile(dir);

  const project = slugFromFolder(basename(root));
  let draft = {
    service: options.service ?? project,
    port: options.port ?? exposedPort(dockerfile) ?? 3000,
    secrets: options.secrets,
  };
  if (options.ask !== undefined) draft = await askAnswers(draft, options.ask);
  const answers = validateAnswers(draft, {
    project,
    opsctlVersion: options.opsctlVersion,
    workingDirectory: relative(await realpath(root), dir) || '.',
  });

  const plan = planInit(
    answers,
    await readIfThere(join(dir, ENV_EXAMPLE_PATH)),
    await readIfThere(join(dir, GITIGNORE_PATH)),
  );
  const existing = await existingTargets(dir, plan);
  if (existing.length > 0 && !options.force) throw filesExist(dir, existing);

  if (options.dryRun) {
    for (const file of plan.files) {
      context.output.line(
        `--- ${file.path} (${file.mode === 'append' ? 'after appending' : 'new'})`,
      );
      context.output.line(file.content.trimEnd());
    }
    context.output.line('Dry run: nothing was written.');
    return {
      directory: dir,
      dryRun: true,
      files: plan.files.map((f) => ({ path: f.path, action: 'would-write', content: f.content })),
    };
  }

  const written = await applyInitPlan(dir, plan, new Set(existing));
  for (const file of written) context.output.line(`${file.action} ${file.path}`);
  context.output.line(
    'Next: replace the values marked "# REPLACE:" in opsctl.yaml, run `opsctl config validate`, and set the secrets the workflow lists on GitHub.',
  );
  return {
    directory: dir,
    dryRun: false,
    files: written.map((w, i) => ({ ...w, content: plan.files[i]?.content ?? '' })),
  };
}
