import type { Environment } from '../environment.js';
import { isBody, labelled } from '../hcl.js';
import type { Problem } from '../../problem.js';

const PINNED = /^\s*(~>|=)?\s*\d+\.\d+(\.\d+)?\s*$/;

/**
 * Remote state in an S3-compatible bucket with locking, no credentials in the block, and the
 * DigitalOcean provider pinned to a minor series.
 */
export function checkBackend(env: Environment): Problem[] {
  const problems: Problem[] = [];
  const report = (addr: string, message: string): void => {
    problems.push({ where: env.name, address: addr, message });
  };
  const s3 = env.root.terraformBlocks.flatMap((t) =>
    labelled(t, 'backend').filter(([kind]) => kind === 's3'),
  );
  const [first] = s3;
  if (!first) {
    report('terraform.backend', 'no backend "s3" block: state must be remote');
  } else {
    const [, backend] = first;
    const locks = backend.use_lockfile === true || typeof backend.dynamodb_table === 'string';
    if (!locks) report('terraform.backend.s3', 'no state locking: set use_lockfile = true');
    if (typeof backend.key !== 'string' || !backend.key.includes(env.name)) {
      report('terraform.backend.s3', `key must be a per-environment path containing "${env.name}"`);
    }
    for (const secret of ['access_key', 'secret_key', 'token']) {
      if (secret in backend)
        report('terraform.backend.s3', `${secret} is set in code; use AWS_* environment variables`);
    }
    const endpoints = backend.endpoints;
    if (!isBody(endpoints) || typeof endpoints.s3 !== 'string')
      report('terraform.backend.s3', 'endpoints.s3 (the Spaces endpoint) is missing');
  }
  const providers = env.root.terraformBlocks.flatMap((t) => {
    const rp = t.required_providers;
    return (Array.isArray(rp) ? rp : [rp]).filter(isBody);
  });
  const doProvider = providers.map((p) => p.digitalocean).find(isBody);
  if (!doProvider) {
    report('terraform.required_providers', 'digitalocean provider is not declared');
  } else {
    if (doProvider.source !== 'digitalocean/digitalocean')
      report(
        'terraform.required_providers.digitalocean',
        'source must be digitalocean/digitalocean',
      );
    const version = doProvider.version;
    if (typeof version !== 'string' || !PINNED.test(version)) {
      report(
        'terraform.required_providers.digitalocean',
        `version ${String(version)} is not pinned (use "~> X.Y.0" or an exact version)`,
      );
    }
  }
  if (!env.root.terraformBlocks.some((t) => typeof t.required_version === 'string')) {
    report('terraform.required_version', 'the Terraform version is not constrained');
  }
  return problems;
}
