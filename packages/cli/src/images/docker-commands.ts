import type { RemoteCommand } from '../exec/remote-command.js';
import type { Secret } from '../secrets/secret.js';

/** Docker commands run on this machine by build and push, as argv values. */

export interface BuildSpec {
  readonly dockerfile: string;
  readonly context: string;
  /** Full references: `<registry>/<service>:<tag>`. */
  readonly tags: readonly string[];
  readonly labels: ReadonlyMap<string, string>;
  readonly buildArgs: ReadonlyMap<string, string>;
  readonly noCache: boolean;
  /** Docker writes the built image's ID here. */
  readonly iidFile: string;
}

/**
 * A BuildKit build. `env DOCKER_BUILDKIT=1` selects BuildKit on Docker CLIs that have it built in
 * (20.10) and on those that need the buildx plugin; the layer cache is reused unless `noCache`.
 */
export const dockerBuild = (spec: BuildSpec): RemoteCommand => ({
  argv: [
    'env',
    'DOCKER_BUILDKIT=1',
    'docker',
    'build',
    '--progress',
    'plain',
    '--file',
    spec.dockerfile,
    '--iidfile',
    spec.iidFile,
    ...spec.tags.flatMap((tag) => ['--tag', tag]),
    ...[...spec.labels].flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    ...[...spec.buildArgs].flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
    ...(spec.noCache ? ['--no-cache'] : []),
    spec.context,
  ],
  description: `build ${spec.tags[0] ?? 'the image'}`,
});

/** The image ID (config digest) a local reference names; exits non-zero when there is none. */
export const localImageId = (ref: string): RemoteCommand => ({
  argv: ['docker', 'image', 'inspect', '--format', '{{.Id}}', ref],
  description: `look up the local image ${ref}`,
  readOnly: true,
});

/** Every local reference `repo:tag` of an image, one per line. */
export const localImageTags = (imageId: string): RemoteCommand => ({
  argv: [
    'docker',
    'image',
    'inspect',
    '--format',
    '{{range .RepoTags}}{{println .}}{{end}}',
    imageId,
  ],
  description: `list the tags of image ${imageId}`,
  readOnly: true,
});

/**
 * Logs in with a throwaway Docker configuration directory, so the password never lands in the
 * user's ~/.docker/config.json; the caller deletes `configDir` after pushing.
 */
export const dockerLoginWithConfig = (
  configDir: string,
  server: string,
  username: string,
  password: Secret,
): RemoteCommand => ({
  argv: [
    'docker',
    '--config',
    configDir,
    'login',
    server,
    '--username',
    username,
    '--password-stdin',
  ],
  stdin: password,
  description: `log in to ${server}`,
  sensitive: true,
});

export const dockerPush = (configDir: string, ref: string): RemoteCommand => ({
  argv: ['docker', '--config', configDir, 'push', ref],
  description: `push ${ref}`,
});
