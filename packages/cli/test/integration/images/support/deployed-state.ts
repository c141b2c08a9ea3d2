import { execa } from 'execa';
import type { ActiveRelease } from '../../../../src/droplet/releases/active-release.js';
import type { ReleaseRecord } from '../../../../src/droplet/releases/release-record.js';
import { remotePaths } from '../../../../src/droplet/remote-paths.js';
import { localValues, onDroplet, REGISTRY } from './local-environment.js';

export interface Release {
  readonly sha: string;
  readonly digest: string;
}

/** Pulls images onto a droplet by digest, as a deploy does, with a login that is removed after. */
export async function pullOnDroplet(
  container: string,
  repository: string,
  digests: readonly string[],
): Promise<void> {
  const script = [
    'set -e',
    'config=$(mktemp -d)',
    'trap \'rm -rf "$config"\' EXIT',
    `docker --config "$config" login ${REGISTRY} --username opsctl --password-stdin >/dev/null`,
    'repo=$1; shift',
    'for digest in "$@"; do docker --config "$config" pull --quiet "$repo@$digest" >/dev/null; done',
  ].join('\n');
  await execa(
    'docker',
    ['exec', '-i', container, 'sh', '-c', script, 'sh', repository, ...digests],
    {
      input: localValues().password,
    },
  );
}

const record = (
  service: string,
  droplet: string,
  repository: string,
  r: Release,
  at: string,
): ReleaseRecord => ({
  id: `${r.sha}-${at}`,
  kind: 'deploy',
  service,
  environment: 'local',
  sha: r.sha,
  digest: r.digest,
  image: `${repository}@${r.digest}`,
  droplet,
  outcome: 'succeeded',
  startedAt: at,
  durationMs: 1000,
  actor: 'test',
});

/**
 * Leaves a droplet as two deploys do (`previous`, then `active`): the release history and
 * active.json in the files the deploy engine writes, the active release running in the blue slot
 * and the previous one stopped in the green slot.
 */
export async function recordDeployments(
  container: string,
  droplet: string,
  service: string,
  repository: string,
  releases: { readonly previous: Release; readonly active: Release },
): Promise<void> {
  const paths = remotePaths(service, 'local');
  const history = [
    record(service, droplet, repository, releases.previous, '2026-01-01T00:00:00.000Z'),
    record(service, droplet, repository, releases.active, '2026-01-01T01:00:00.000Z'),
  ];
  const active: ActiveRelease = {
    slot: 'blue',
    sha: releases.active.sha,
    digest: releases.active.digest,
    image: `${repository}@${releases.active.digest}`,
    container: `opsctl-${service}-blue`,
    since: '2026-01-01T01:00:00.000Z',
  };
  await onDroplet(
    container,
    'set -e; mkdir -p "$1"; printf "%s\\n" "$2" > "$3"; printf "%s\\n" "$4" > "$5"; chown -R deploy:deploy "$1"',
    paths.stateDir,
    history.map((r) => JSON.stringify(r)).join('\n'),
    paths.releasesFile,
    JSON.stringify(active),
    paths.activeFile,
  );
  await onDroplet(
    container,
    [
      'set -e',
      'docker run --detach --name "opsctl-$1-green" --label "opsctl.service=$1" --label opsctl.slot=green "$2@$4" >/dev/null',
      'docker stop --time 1 "opsctl-$1-green" >/dev/null',
      'docker run --detach --name "opsctl-$1-blue" --label "opsctl.service=$1" --label opsctl.slot=blue "$2@$3" >/dev/null',
    ].join('\n'),
    service,
    repository,
    releases.active.digest,
    releases.previous.digest,
  );
}

/** Removes the service's containers, images and opsctl files from a droplet. */
export async function clearDroplet(
  container: string,
  service: string,
  repository: string,
): Promise<void> {
  await onDroplet(
    container,
    [
      'ids=$(docker ps --all --quiet --filter "label=opsctl.service=$1")',
      '[ -z "$ids" ] || docker rm --force $ids >/dev/null',
      'images=$(docker image ls --quiet --no-trunc "$2" | sort -u)',
      '[ -z "$images" ] || docker image rm --force $images >/dev/null',
      'rm -rf "/var/lib/opsctl/$1"',
    ].join('\n'),
    service,
    repository,
  );
}
