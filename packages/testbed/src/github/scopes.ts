import { randomInt } from 'node:crypto';
import sodium from 'libsodium-wrappers';

export interface Stored {
  readonly value: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Where secrets and variables live: a repository or one of its environments. Each has its own
 * real X25519 key pair, as on GitHub, so sealed values are opened and checked for real.
 */
export interface SecretScope {
  readonly keyId: string;
  readonly publicKey: Uint8Array;
  readonly privateKey: Uint8Array;
  /** Opened (decrypted) secret values by upper-case name. */
  readonly secrets: Map<string, Stored>;
  readonly variables: Map<string, Stored>;
}

export interface RepositoryState {
  readonly fullName: string;
  readonly scope: SecretScope;
  /** Environments by name (GitHub matches them case-insensitively; keys are lower case). */
  readonly environments: Map<string, { readonly name: string; readonly scope: SecretScope }>;
}

export async function newScope(): Promise<SecretScope> {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  return {
    // GitHub's key ids are long decimal strings.
    keyId: `${randomInt(1e8, 1e9 - 1)}${randomInt(1e8, 1e9 - 1)}`,
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
    secrets: new Map(),
    variables: new Map(),
  };
}

/** Opens a sealed box made against this scope's public key; undefined when it cannot be opened. */
export function openSealed(scope: SecretScope, sealedBase64: string): string | undefined {
  try {
    const sealed = sodium.from_base64(sealedBase64, sodium.base64_variants.ORIGINAL);
    const opened = sodium.crypto_box_seal_open(sealed, scope.publicKey, scope.privateKey);
    return new TextDecoder('utf-8', { fatal: true }).decode(opened);
  } catch {
    return undefined;
  }
}

export const publicKeyBase64 = (scope: SecretScope): string =>
  sodium.to_base64(scope.publicKey, sodium.base64_variants.ORIGINAL);
