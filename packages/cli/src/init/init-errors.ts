import { OpsctlError } from '../errors/opsctl-error.js';

export function notGitRepository(dir: string): OpsctlError {
  return new OpsctlError({
    code: 'INIT_NOT_A_GIT_REPOSITORY',
    kind: 'user',
    message: `${dir} is not inside a git repository; opsctl tags images with the commit SHA and writes a GitHub workflow, so it needs one.`,
    hint: 'Run `git init` (and commit your code), or run opsctl init in the repository of the service.',
  });
}

export function noDockerfile(dir: string): OpsctlError {
  return new OpsctlError({
    code: 'INIT_NO_DOCKERFILE',
    kind: 'user',
    message: `There is no Dockerfile in ${dir}; opsctl deploys the image it builds from one.`,
    hint: 'Run opsctl init in the folder that holds the service’s Dockerfile, or add a Dockerfile there first.',
  });
}

export function filesExist(dir: string, paths: readonly string[]): OpsctlError {
  return new OpsctlError({
    code: 'INIT_FILES_EXIST',
    kind: 'user',
    message: `opsctl init would overwrite ${paths.length === 1 ? 'a file' : 'files'} in ${dir}, so it wrote nothing:\n  ${paths.join('\n  ')}`,
    hint: 'Move them aside, or pass --force to replace them (.env.example is only ever appended to).',
    details: { existing: paths },
  });
}

export function invalidAnswer(what: string, value: string, expected: string): OpsctlError {
  return new OpsctlError({
    code: 'INIT_INVALID_ANSWER',
    kind: 'user',
    message: `${what} "${value}" is not valid: ${expected}.`,
    hint: `Give another ${what} (flag or prompt); nothing was written.`,
  });
}
