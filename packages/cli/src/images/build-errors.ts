import { OpsctlError } from '../errors/opsctl-error.js';

export function dirtyInCi(dir: string, changes: readonly string[]): OpsctlError {
  const shown = changes.slice(0, 10).join('\n  ');
  return new OpsctlError({
    code: 'BUILD_DIRTY_TREE',
    kind: 'user',
    message: `The working tree in ${dir} has uncommitted changes, and CI builds only committed code (an image must match its commit):\n  ${shown}${changes.length > 10 ? `\n  ... and ${changes.length - 10} more` : ''}`,
    hint: 'Commit the changes (or add generated files to .gitignore) before building in CI.',
    details: { changes },
  });
}

export function invalidVersion(version: string): OpsctlError {
  return new OpsctlError({
    code: 'BUILD_VERSION_INVALID',
    kind: 'user',
    message: `--version "${version}" is not a semantic version.`,
    hint: 'Give MAJOR.MINOR.PATCH with an optional leading v, e.g. --version v1.2.3 or 1.4.0-rc.1.',
  });
}

export function buildKitMissing(detail: string): OpsctlError {
  return new OpsctlError({
    code: 'BUILDKIT_UNAVAILABLE',
    kind: 'user',
    message: `The docker CLI on PATH cannot build with BuildKit: ${detail}`,
    hint: 'Install the docker buildx plugin, or put a Docker CLI with BuildKit built in (Debian docker.io 20.10) first in PATH; ./bin/opsctl does this for you.',
  });
}

export function dockerfileUnreadable(path: string, service: string, cause: unknown): OpsctlError {
  return new OpsctlError({
    code: 'FILE_UNREADABLE',
    kind: 'user',
    message: `Cannot read the Dockerfile of service ${service}: ${path} (${(cause as Error).message}).`,
    hint: `Check services.${service}.dockerfile in opsctl.yaml (relative to opsctl.yaml).`,
    cause,
  });
}
