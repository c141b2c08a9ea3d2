import { JSON_SCHEMA_PATH, configJsonSchemaText } from '../config/json-schema.js';
import { appendEnvExample } from './env-example.js';
import { appendGitignore } from './gitignore.js';
import type { InitAnswers } from './init-answers.js';
import { renderConfig } from './render-config.js';
import { renderWorkflow } from './render-workflow.js';

/** A file `opsctl init` writes, relative to the folder it runs in. */
export interface InitFile {
  readonly path: string;
  readonly content: string;
  /** `create` replaces the file (refused when it exists, unless --force); `append` extends it. */
  readonly mode: 'create' | 'append';
}

/** Everything init will write, decided before anything is written. */
export interface InitPlan {
  readonly files: readonly InitFile[];
}

/** The workflow's path, relative to the repository root. */
export const WORKFLOW_PATH = '.github/workflows/opsctl.yml';
export const ENV_EXAMPLE_PATH = '.env.example';
export const GITIGNORE_PATH = '.gitignore';

/**
 * The files for these answers: opsctl.yaml, the JSON Schema its `$schema` line names, the
 * workflow (at the repository root, which may be above the folder init runs in) and the
 * .env.example lines for secrets it does not list yet (none when it lists them all), and the
 * .gitignore entries that keep secret values and local state out of git.
 */
export function planInit(
  answers: InitAnswers,
  existingEnvExample: string | undefined,
  existingGitignore: string | undefined,
): InitPlan {
  const toRoot =
    answers.workingDirectory === '.'
      ? ''
      : `${answers.workingDirectory
          .split('/')
          .map(() => '..')
          .join('/')}/`;
  const envExample = appendEnvExample(existingEnvExample, answers.secrets);
  const gitignore = appendGitignore(existingGitignore);
  return {
    files: [
      { path: 'opsctl.yaml', content: renderConfig(answers), mode: 'create' },
      { path: JSON_SCHEMA_PATH, content: configJsonSchemaText(), mode: 'create' },
      { path: `${toRoot}${WORKFLOW_PATH}`, content: renderWorkflow(answers), mode: 'create' },
      ...(envExample === undefined
        ? []
        : [{ path: ENV_EXAMPLE_PATH, content: envExample, mode: 'append' as const }]),
      ...(gitignore === undefined
        ? []
        : [{ path: GITIGNORE_PATH, content: gitignore, mode: 'append' as const }]),
    ],
  };
}
