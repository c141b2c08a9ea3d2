import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/parse-config.js';
import { selectServices } from '../../../src/config/select-services.js';
import { MINIMAL_CONFIG } from '../../support/config-fixtures.js';

const text = MINIMAL_CONFIG.replace('services:\n', 'services:\n  worker:\n    dockerfile: W\n');
const result = parseConfigText(text, { path: '/repo/opsctl.yaml' });
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const { config } = result.loaded;

describe('selectServices', () => {
  it('selects every service when --service is not given', () => {
    expect(selectServices(config, undefined).map((s) => s.name)).toEqual(['worker', 'api']);
  });

  it('selects the named service with its settings', () => {
    const [api] = selectServices(config, 'api');
    expect(api?.config.dockerfile).toBe('/repo/docker/api/Dockerfile');
  });

  it('names the declared services when the requested one is unknown', () => {
    expect(() => selectServices(config, 'web')).toThrow(
      expect.objectContaining({
        code: 'SERVICE_UNKNOWN',
        hint: 'Use one of: worker, api.',
      }) as Error,
    );
  });
});
