import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText } from '../../../src/config/json-schema.js';
import { configReferenceMarkdown } from '../../../src/config/markdown-reference.js';
import { parseConfigText } from '../../../src/config/parse-config.js';

const REGENERATE = 'run `pnpm --filter @opsctl/cli docs:config` and commit the result';

describe('files generated from the config schema', () => {
  it(`keeps schema/opsctl.schema.json identical to the schema (else ${REGENERATE})`, async () => {
    const committed = await readFile(
      new URL('../../../schema/opsctl.schema.json', import.meta.url),
      'utf8',
    );
    expect(committed, REGENERATE).toBe(configJsonSchemaText());
  });

  it(`keeps docs/configuration.md identical to the schema (else ${REGENERATE})`, async () => {
    const committed = await readFile(
      new URL('../../../../../docs/configuration.md', import.meta.url),
      'utf8',
    );
    expect(committed, REGENERATE).toBe(configReferenceMarkdown());
  });

  it('documents every key with its default in the reference', () => {
    const markdown = configReferenceMarkdown();
    expect(markdown).toContain(
      '| `environments.<name>.deploy.healthTimeout` | string |  | `"60s"` |',
    );
    expect(markdown).toContain('| `services.<name>.port` | integer |  | `3000` |');
    expect(markdown).toContain(
      '| `environments.<name>.secrets[].targets` | list of "droplets" or "github" or object | yes |',
    );
    expect(markdown).toContain(
      '| `environments.<name>.secrets[].targets[].vercel.type` | "sensitive" or "encrypted" |  | `"sensitive"` |',
    );
  });

  it('produces a JSON Schema that rejects unknown keys and marks required ones', () => {
    const schema = JSON.parse(configJsonSchemaText()) as {
      additionalProperties: boolean;
      required: string[];
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['project', 'services', 'environments']);
  });

  it('describes input values: the JSON Schema and the parser agree on a duration string', () => {
    const text =
      'project: p\nregistry: { url: r.example.com }\nservices: { api: { dockerfile: D } }\nenvironments:\n  e:\n    droplets: { tag: t }\n    ssh: { key: k }\n    deploy: { healthTimeout: 45s }\n';
    const result = parseConfigText(text, { path: '/x/opsctl.yaml' });
    expect(result.ok && result.loaded.config.environments.e?.deploy.healthTimeout).toBe(45_000);
    expect(configJsonSchemaText()).toContain('"pattern": "^(\\\\d+)(ms|s|m|h)$"');
  });
});
