import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkBackend,
  formatProblems,
  loadTerraformTree,
  type TerraformTree,
} from '../../src/index.js';
import { only, treeWithModule } from '../support/fixture-tree.js';
import { terraformDir } from '../support/paths.js';

let tree: TerraformTree;
beforeAll(async () => {
  tree = await loadTerraformTree(terraformDir);
});

describe('state and provider settings of the real environments', () => {
  it('keeps state in Spaces through the S3 backend with locking and a pinned provider', () => {
    for (const env of tree.environments) expect(formatProblems(checkBackend(env))).toBe('');
  });

  it('gives every environment its own state key', () => {
    const keys = tree.environments.map(
      (env) => env.root.texts.get('versions.tf')?.match(/key\s*=\s*"([^"]+)"/)?.[1],
    );
    expect(new Set(keys).size).toBe(tree.environments.length);
  });
});

describe('the backend check', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it('reports local state and an unpinned provider', async () => {
    const fixture = await treeWithModule('', {
      'environments/x/versions.tf': `terraform {
  required_providers {
    digitalocean = {
      source  = "digitalocean/digitalocean"
      version = ">= 2.0"
    }
  }
}
`,
    });
    cleanup = fixture.cleanup;
    const report = formatProblems(checkBackend(only(fixture.environments)));
    expect(report).toContain('no backend "s3" block');
    expect(report).toContain('version >= 2.0 is not pinned');
    expect(report).toContain('the Terraform version is not constrained');
  });

  it('reports an S3 backend without locking and with a key in code', async () => {
    const fixture = await treeWithModule('', {
      'environments/x/versions.tf': `terraform {
  required_version = ">= 1.10"
  backend "s3" {
    bucket     = "state"
    key        = "x/terraform.tfstate"
    access_key = "placeholder"
    endpoints = {
      s3 = "https://fra1.digitaloceanspaces.com"
    }
  }
}
`,
    });
    cleanup = fixture.cleanup;
    const report = formatProblems(checkBackend(only(fixture.environments)));
    expect(report).toContain('no state locking');
    expect(report).toContain('access_key is set in code');
  });
});
