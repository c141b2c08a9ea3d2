import type { RemoteCommand } from '../exec/remote-command.js';

/** Reads and removals on a droplet's Docker engine, as argv values. */

const IMAGE_FORMAT =
  '{"id":{{json .Id}},"repoDigests":{{json .RepoDigests}},"repoTags":{{json .RepoTags}},"created":{{json .Created}},"size":{{.Size}}}';

const CONTAINER_FORMAT =
  '{"id":{{json .Id}},"name":{{json .Name}},"image":{{json .Image}},"state":{{json .State.Status}},"created":{{json .Created}},"service":{{json (index .Config.Labels "opsctl.service")}}}';

/**
 * Every image of a repository, one JSON object per line. Images pulled by digest have no tag, so
 * they are found by repository name and described by ID, digests and build date.
 */
export const listRepositoryImages = (repository: string): RemoteCommand => ({
  argv: [
    'sh',
    '-c',
    'set -e; ids=$(docker image ls --quiet --no-trunc "$1" | sort -u); [ -z "$ids" ] || docker image inspect --format "$2" $ids',
    'sh',
    repository,
    IMAGE_FORMAT,
  ],
  description: `list images of ${repository}`,
  readOnly: true,
});

/** Every container on the droplet (any service: an image in use by any of them must stay). */
export const listContainers = (): RemoteCommand => ({
  argv: [
    'sh',
    '-c',
    'set -e; ids=$(docker ps --all --quiet --no-trunc); [ -z "$ids" ] || docker inspect --format "$1" $ids',
    'sh',
    CONTAINER_FORMAT,
  ],
  description: 'list containers',
  readOnly: true,
});

/** Removes a stopped container; Docker refuses a running one (no --force, on purpose). */
export const removeStoppedContainer = (id: string, name: string): RemoteCommand => ({
  argv: ['docker', 'container', 'rm', id],
  description: `remove stopped container ${name}`,
});

/** Removes an image; Docker refuses one a container uses (no --force, on purpose). */
export const removeImage = (id: string, label: string): RemoteCommand => ({
  argv: ['docker', 'image', 'rm', id],
  description: `remove image ${label}`,
});
