import { buildApiRelease as build, fakeSha } from '@opsctl/testbed';
import { readDotEnv } from '../../../src/deploy/runtime-env.js';
import { repoRoot } from './paths.js';

export { fakeSha };

/** Builds and pushes the real API image as release `sha` to the local environment's registry. */
export function buildApiRelease(
  sha: string,
  opts: { reportedSha?: string; neverHealthy?: boolean; command?: readonly string[] } = {},
): Promise<string> {
  return build(sha, {
    ...opts,
    repoRoot,
    // Registry opsctl-local of the DigitalOcean stand-in, as the `local` environment names it.
    repository: 'registry.opsctl.local:5443/opsctl-local/api',
    registryUser: 'opsctl',
    registryPassword: readDotEnv(repoRoot, 'local').get('OPSCTL_REGISTRY_PASSWORD') ?? '',
  });
}
