import { describe, expect, it } from 'vitest';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { apiClient } from '../../../src/secrets/api-settings.js';
import { Redactor } from '../../../src/secrets/redactor.js';
import type { ValueSource } from '../../../src/secrets/values/value-source.js';

const source = (values: Record<string, string>): ValueSource => ({
  file: '/x/.env.staging',
  get: (name) => {
    const value = values[name];
    return value === undefined ? undefined : { value, origin: 'environment' };
  },
});

function refusal(which: 'github' | 'vercel', values: Record<string, string>): OpsctlError {
  try {
    apiClient(which, source(values), new Redactor(), undefined);
  } catch (error) {
    if (error instanceof OpsctlError) return error;
    throw error;
  }
  throw new Error('expected the API URL to be refused');
}

describe('GitHub and Vercel API base URLs', () => {
  it('refuses plain http to another host, naming the variable', () => {
    const error = refusal('github', {
      OPSCTL_GITHUB_TOKEN: 'ghp_token_value',
      OPSCTL_GITHUB_API_URL: 'http://api.github.example.com',
    });
    expect(error.code).toBe('API_URL_INVALID');
    expect(error.message).toContain(
      'OPSCTL_GITHUB_API_URL "http://api.github.example.com" must use https',
    );
    expect(error.hint).toContain('Set OPSCTL_GITHUB_API_URL to an https URL');
  });

  it('names the variable the URL came from, and refuses what is not a URL', () => {
    expect(
      refusal('vercel', { VERCEL_TOKEN: 'vercel_token', VERCEL_API_URL: 'http://10.0.0.8:3000' })
        .message,
    ).toContain('VERCEL_API_URL "http://10.0.0.8:3000" must use https');
    expect(
      refusal('vercel', { VERCEL_TOKEN: 'vercel_token', OPSCTL_VERCEL_API_URL: 'api.vercel.com' })
        .message,
    ).toContain('OPSCTL_VERCEL_API_URL "api.vercel.com" is not a URL');
  });

  it.each([
    'https://ghe.example.com/api/v3',
    'http://127.0.0.1:4000',
    'http://localhost:4000',
    'http://[::1]:4000',
  ])('accepts %s', (url) => {
    const api = apiClient(
      'github',
      source({ GITHUB_TOKEN: 'ghp_token_value', GITHUB_API_URL: url }),
      new Redactor(),
      undefined,
    );
    expect(api.url('/user').href).toBe(`${url}/user`);
  });
});
