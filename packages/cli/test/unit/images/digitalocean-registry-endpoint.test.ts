import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRegistryEndpoints } from '../../../src/config/registry-endpoint.js';
import type { OpsctlConfig, RegistryConfig } from '../../../src/config/types.js';
import { createCommandContext } from '../../../src/context/create-command-context.js';
import { registrySite } from '../../../src/images/registry-site.js';
import { startLocalApi, type LocalApi } from '../digitalocean/local-api.js';
import { TextCapture } from '../../support/text-capture.js';

const TOKEN = `dop_v1_${'0123456789abcdef'.repeat(4)}`;
const STAND_IN_HOST = 'registry.opsctl.local:5443';
const PASSWORD = 'short-lived-registry-password';
const digitalocean: RegistryConfig = {
  kind: 'digitalocean',
  name: 'opsctl-local',
  server: 'registry.digitalocean.com',
  prefix: 'registry.digitalocean.com/opsctl-local',
};

/** Two environments with the same DigitalOcean registry block, as local and staging have. */
const config = {
  environments: { local: { registry: digitalocean }, staging: { registry: digitalocean } },
} as unknown as OpsctlConfig;

describe('a DigitalOcean registry’s host comes from the environment’s settings', () => {
  it('moves only the environment whose settings name another host, with its extra CA', () => {
    const settings: Record<string, Record<string, string>> = {
      local: { DIGITALOCEAN_REGISTRY_HOST: STAND_IN_HOST, DIGITALOCEAN_REGISTRY_CA: '/pki/ca.crt' },
    };
    const resolved = withRegistryEndpoints(config, (env, name) => settings[env]?.[name]);
    expect(resolved.environments.local?.registry).toEqual({
      ...digitalocean,
      server: STAND_IN_HOST,
      prefix: `${STAND_IN_HOST}/opsctl-local`,
      caFile: '/pki/ca.crt',
    });
    expect(resolved.environments.staging?.registry).toEqual(digitalocean);
  });

  it('does not take the machine-wide NODE_EXTRA_CA_CERTS as the registry’s CA', () => {
    // NODE_EXTRA_CA_CERTS is usually set for every process (a proxy's bundle, say); read first,
    // it would hide the environment's own CA and the registry's certificate would not verify.
    const settings: Record<string, string> = {
      DIGITALOCEAN_REGISTRY_HOST: STAND_IN_HOST,
      NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
    };
    const resolved = withRegistryEndpoints(config, (env, name) =>
      env === 'local' ? settings[name] : undefined,
    );
    expect(resolved.environments.local?.registry).not.toHaveProperty('caFile');
  });

  it('refuses a host given with a scheme, naming the setting and the environment', () => {
    expect(() =>
      withRegistryEndpoints(config, (env, name) =>
        env === 'local' && name === 'DIGITALOCEAN_REGISTRY_HOST' ? 'https://x.example' : undefined,
      ),
    ).toThrow(/DIGITALOCEAN_REGISTRY_HOST \(environment local\) is "https:\/\/x\.example"/);
  });
});

describe('droplets pull from a DigitalOcean registry with credentials from its API', () => {
  let api: LocalApi;
  let answerHost = STAND_IN_HOST;

  beforeAll(async () => {
    api = await startLocalApi(() => ({
      status: 200,
      body: {
        auths: {
          [answerHost]: { auth: Buffer.from(`opsctl:${PASSWORD}`).toString('base64') },
        },
      },
    }));
  });
  afterAll(() => api.close());

  const site = () => {
    const ctx = createCommandContext({
      cwd: '/',
      env: { DIGITALOCEAN_TOKEN: TOKEN, DIGITALOCEAN_API_URL: api.url },
      stdout: new TextCapture(),
      stderr: new TextCapture(),
    });
    const resolved = withRegistryEndpoints(config, (_env, name) =>
      name === 'DIGITALOCEAN_REGISTRY_HOST' ? STAND_IN_HOST : undefined,
    );
    const registry = resolved.environments.local?.registry ?? digitalocean;
    return {
      ctx,
      site: registrySite(ctx, { config: registry, environment: 'local', configDir: '/' }),
    };
  };

  it('asks for read-only credentials, never hands the API token on, and masks the password', async () => {
    const { ctx, site: s } = site();
    const login = await s.pullLogin();
    expect(api.seen.at(-1)).toMatch(
      /^\/v2\/registries\/opsctl-local\/docker-credentials\?read_write=false&expiry_seconds=\d+$/,
    );
    expect(login).toMatchObject({ server: STAND_IN_HOST, username: 'opsctl' });
    expect(login?.password.reveal()).toBe(PASSWORD);
    expect(login?.password.reveal()).not.toBe(TOKEN);
    expect(ctx.redactor.redact(`x ${PASSWORD} y`)).not.toContain(PASSWORD);
  });

  it('refuses credentials for another host than the images’ before anyone logs in', async () => {
    answerHost = 'registry.digitalocean.com';
    try {
      await expect(site().site.pullLogin()).rejects.toMatchObject({
        code: 'REGISTRY_HOST_MISMATCH',
      });
    } finally {
      answerHost = STAND_IN_HOST;
    }
  });
});
