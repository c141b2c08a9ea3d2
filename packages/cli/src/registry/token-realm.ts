/**
 * Where each registry kind hands out tokens, when not on its own host. DigitalOcean Container
 * Registry answers its challenge with a realm on the API host.
 */
const KNOWN_TOKEN_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'registry.digitalocean.com': ['api.digitalocean.com'],
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type RealmCheck =
  { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: string };

/**
 * Whether the registry credentials may be sent to the token `realm` a registry's challenge names.
 * The challenge is only text from the network: the credentials go over https, to the registry's
 * own host or its kind's known token host; plain http only when both are on this machine.
 */
export function checkTokenRealm(realm: string, registry: string): RealmCheck {
  const registryHost = new URL(`https://${registry}`).hostname;
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    return { ok: false, reason: `its token realm "${realm}" is not a URL` };
  }
  const allowedHosts = [registryHost, ...(KNOWN_TOKEN_HOSTS[registryHost] ?? [])];
  const local = LOOPBACK.has(registryHost) && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return {
      ok: false,
      reason: `its token realm ${url.origin} is not https (plain http only when registry and realm are both on this machine)`,
    };
  }
  if (!allowedHosts.includes(url.hostname) && !local) {
    return {
      ok: false,
      reason: `its token realm ${url.origin} is not on ${allowedHosts.join(' or ')}`,
    };
  }
  return { ok: true, url };
}
