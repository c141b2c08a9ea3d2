import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCommandContext,
  type CommandContextOptions,
} from '../../../src/context/create-command-context.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { DryRunExecutor } from '../../../src/exec/dry-run-executor.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { MINIMAL_CONFIG } from '../../support/config-fixtures.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { TextCapture } from '../../support/text-capture.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ path: dir, remove } = await makeTempDir());
});
afterEach(async () => {
  await remove();
});

function context(overrides: Partial<CommandContextOptions> = {}) {
  const stdout = new TextCapture();
  const stderr = new TextCapture();
  const ctx = createCommandContext({ cwd: dir, env: {}, stdout, stderr, ...overrides });
  return { ctx, stdout, stderr };
}

describe('createCommandContext', () => {
  it('reads the configuration once, on first use', async () => {
    const { ctx } = context();
    await writeFile(join(dir, 'opsctl.yaml'), MINIMAL_CONFIG);
    const first = await ctx.config();
    await writeFile(join(dir, 'opsctl.yaml'), 'garbage: [');
    expect(await ctx.config()).toBe(first);
  });

  it('reads the settings beside it again after reloadConfig, as after local up rewrote them', async () => {
    const { ctx } = context();
    const withDigitalOcean = MINIMAL_CONFIG.replace(
      '    ssh:\n',
      '    registry:\n      digitalocean: shop-registry\n    ssh:\n',
    );
    await writeFile(join(dir, 'opsctl.yaml'), withDigitalOcean);
    const registry = async () => (await ctx.config()).config.environments.staging?.registry;
    expect((await registry())?.server).toBe('registry.digitalocean.com');
    await writeFile(join(dir, '.env.staging'), 'DIGITALOCEAN_REGISTRY_HOST=registry.test:5443\n');
    expect((await registry())?.server).toBe('registry.digitalocean.com');
    ctx.reloadConfig();
    expect(await registry()).toMatchObject({
      server: 'registry.test:5443',
      prefix: 'registry.test:5443/shop-registry',
    });
  });

  it('throws CONFIG_INVALID listing the problems when the file is invalid', async () => {
    await writeFile(
      join(dir, 'opsctl.yaml'),
      MINIMAL_CONFIG.replace('project: shop', 'project: 1'),
    );
    const error: unknown = await context()
      .ctx.config()
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OpsctlError);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', exitCode: 2 });
    expect((error as OpsctlError).message).toContain(
      '  - project: expected string, received number (line 1)',
    );
  });

  it('resolves the environment from the argument or OPSCTL_ENV', async () => {
    await writeFile(join(dir, 'opsctl.yaml'), MINIMAL_CONFIG);
    expect((await context({ environmentArgument: 'staging' }).ctx.environment()).source).toBe(
      'argument',
    );
    expect((await context({ env: { OPSCTL_ENV: 'staging' } }).ctx.environment()).source).toBe(
      'OPSCTL_ENV',
    );
    const error: unknown = await context({ env: { OPSCTL_ENV: 'qa' } })
      .ctx.environment()
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'ENVIRONMENT_UNKNOWN' });
  });

  it('shares one redactor between output, logs and executors', async () => {
    const real = new RecordingExecutor();
    const { ctx, stdout, stderr } = context({
      verbose: true,
      executors: { createLocalExecutor: () => real },
    });
    ctx.redactor.add('shared-secret-1');
    ctx.output.line('out shared-secret-1');
    ctx.logger.info('log shared-secret-1');
    await ctx.executors.local().run({ argv: ['echo', 'shared-secret-1'] });
    expect(stdout.text).toBe('out [redacted]\n');
    expect(stderr.text).not.toContain('shared-secret-1');
    expect(stderr.text).toContain('log [redacted]');
  });

  it('hands out dry-run executors when --dry-run is set', () => {
    const { ctx } = context({ dryRun: true });
    expect(ctx.dryRun).toBe(true);
    expect(ctx.executors.local()).toBeInstanceOf(DryRunExecutor);
  });

  it('chooses silent progress under --json and plain lines when stderr is not a terminal', () => {
    expect(context({ json: true }).ctx.progress.renderer).toBe('silent');
    expect(context().ctx.progress.renderer).toBe('simple');
  });
});
