import { OpsctlError } from '../../errors/opsctl-error.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An API base URL from `variable`: https, or plain http only to this machine (the local
 * stand-ins), since every request carries the token and plain http would send it in clear text.
 */
export function checkedApiUrl(api: string, variable: string, raw: string, fallback: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(api, variable, `${variable} "${raw}" is not a URL`, fallback);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return url;
  throw invalid(
    api,
    variable,
    `${variable} "${url.origin}" must use https (plain http only for 127.0.0.1, ::1 or localhost): the ${api} token would travel in clear text`,
    fallback,
  );
}

function invalid(api: string, variable: string, message: string, fallback: string): OpsctlError {
  return new OpsctlError({
    code: 'API_URL_INVALID',
    kind: 'user',
    message: `${message}.`,
    hint: `Set ${variable} to an https URL (the ${api} API is ${fallback}) or unset it.`,
  });
}
