import sodium from 'libsodium-wrappers';
import type { Secret } from '../secret.js';

/**
 * Encrypts a value for GitHub: a libsodium sealed box (X25519 + XSalsa20-Poly1305 with a
 * throwaway sender key) against the repository's or environment's public key, base64 as the
 * API expects. Only GitHub, holding the private key, can open it.
 */
export async function sealForGitHub(value: Secret, publicKeyBase64: string): Promise<string> {
  await sodium.ready;
  const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  if (key.length !== sodium.crypto_box_PUBLICKEYBYTES) {
    throw new Error(
      `GitHub's public key has ${key.length} bytes, not ${sodium.crypto_box_PUBLICKEYBYTES}`,
    );
  }
  const sealed = sodium.crypto_box_seal(sodium.from_string(value.reveal()), key);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}
