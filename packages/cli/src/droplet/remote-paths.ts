import { lockDirOf } from './lock/with-environment-lock.js';

/** Where opsctl keeps its files on a droplet: the layout setup-api.yml provisions. */
export interface RemotePaths {
  readonly stateDir: string;
  readonly activeFile: string;
  readonly releasesFile: string;
  /** The previous release kept running out of rotation, and until when (deploy.warmWindow). */
  readonly warmFile: string;
  readonly upstreamFile: string;
  readonly envFile: string;
  readonly lockDir: string;
}

export function remotePaths(service: string, environment: string, envFile?: string): RemotePaths {
  const stateDir = `/var/lib/opsctl/${service}`;
  return {
    stateDir,
    activeFile: `${stateDir}/active.json`,
    releasesFile: `${stateDir}/releases.jsonl`,
    warmFile: `${stateDir}/warm.json`,
    upstreamFile: `/etc/opsctl/nginx/upstreams/${service}.conf`,
    envFile: envFile ?? `/etc/opsctl/env/${service}.env`,
    lockDir: lockDirOf(environment),
  };
}
