import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { requireTool, run } from '../support/run.js';
import { terraformDir } from '../support/paths.js';

const initScript = join(terraformDir, 'scripts', 'init.sh');
const deployScript = join(terraformDir, 'scripts', 'deploy.sh');

// An environment with the real backend settings but only Terraform's built-in terraform_data
// resource, so init, plan and apply run here without downloading providers.
const fixtureVersions = (endpoint: string): string => `terraform {
  backend "s3" {
    bucket                      = "state"
    key                         = "fixture/terraform.tfstate"
    region                      = "us-east-1"
    use_lockfile                = true
    use_path_style              = true
    skip_credentials_validation = true
    skip_requesting_account_id  = true
    skip_metadata_api_check     = true
    skip_region_validation      = true
    skip_s3_checksum            = true
    endpoints = {
      s3 = "${endpoint}"
    }
  }
}
`;
const fixtureMain = `variable "revision" {
  type        = string
  description = "Changing it replaces the resource."
  default     = "1"
}

resource "terraform_data" "app" {
  triggers_replace = [var.revision]
}
`;

let s3: S3Server;
let environments: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await requireTool(
    'terraform',
    ['version'],
    'install Terraform >= 1.10 (HashiCorp publishes it outside Debian)',
  );
  s3 = await startS3Server(['state']);
  environments = await mkdtemp(join(tmpdir(), 'opsctl-tf-envs-'));
  await mkdir(join(environments, 'fixture'));
  await writeFile(join(environments, 'fixture', 'versions.tf'), fixtureVersions(s3.endpoint));
  await writeFile(join(environments, 'fixture', 'main.tf'), fixtureMain);
  env = {
    ...process.env,
    OPSCTL_TF_ENVIRONMENTS_DIR: environments,
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    TF_IN_AUTOMATION: '1',
  };
});

afterAll(async () => {
  await rm(environments, { recursive: true, force: true });
  await s3.close();
});

const deploy = (...args: string[]) => run(deployScript, ['fixture', ...args], { env });
const withRevision = (revision: string): NodeJS.ProcessEnv => ({
  ...env,
  TF_VAR_revision: revision,
});

describe('scripts/init.sh and scripts/deploy.sh against remote state in a local S3 server', () => {
  it('refuses to initialise against an endpoint that ignores conditional writes', async () => {
    const result = await run(initScript, ['fixture'], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('ignores If-None-Match');
  });

  it('initialises when the lock check is skipped on purpose', async () => {
    const result = await run(initScript, ['fixture', '--skip-lock-check'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Successfully configured the backend "s3"');
  });

  it('refuses to apply without approval when there is no terminal', async () => {
    const result = await deploy();
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('pass --auto-approve');
  });

  it('shows the plan, applies it, and stores the state in the bucket', async () => {
    const result = await deploy('--auto-approve');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('terraform_data.app will be created');
    expect(result.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(await readdir(join(s3.directory, 'state', 'fixture'))).toContain(
      'terraform.tfstate._S3rver_object',
    );
  });

  it('does nothing when the plan is empty', async () => {
    const result = await deploy('--auto-approve');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no changes for fixture');
  });

  it('refuses a plan that replaces a resource and names it', async () => {
    const result = await run(deployScript, ['fixture', '--auto-approve'], {
      env: withRevision('2'),
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('  - terraform_data.app');
    expect(result.stderr).toContain('refusing to apply a plan that destroys resources');
    expect(result.stdout).not.toContain('Apply complete');
  });

  it('applies the replacement when destroys are allowed', async () => {
    const result = await run(deployScript, ['fixture', '--auto-approve', '--allow-destroy'], {
      env: withRevision('2'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Resources: 1 added, 0 changed, 1 destroyed.');
  });

  it('stops after the plan with --plan-only', async () => {
    const result = await run(deployScript, ['fixture', '--plan-only', '--allow-destroy'], {
      env: withRevision('3'),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('--plan-only: not applying');
    const again = await run(deployScript, ['fixture', '--plan-only', '--allow-destroy'], {
      env: withRevision('3'),
    });
    expect(again.stdout).toContain('must be replaced');
  });
});

describe('script usage errors', () => {
  it('names the known environments when given an unknown one', async () => {
    const result = await run(deployScript, ['prod'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown environment 'prod'; use one of: fixture");
  });

  it('refuses a path in place of an environment name', async () => {
    const result = await run(initScript, ['../fixture'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a plain name');
  });

  it('lists missing credentials by name before touching anything', async () => {
    const bare = { ...env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' };
    const result = await run(initScript, ['fixture'], { env: bare });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'missing environment variables: AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY',
    );
  });

  it('passes shellcheck', async () => {
    const scripts = ['init.sh', 'deploy.sh', 'lib.sh'].map((s) => join(terraformDir, 'scripts', s));
    const result = await run('shellcheck', ['-x', ...scripts], {
      cwd: join(terraformDir, 'scripts'),
    });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });
});
