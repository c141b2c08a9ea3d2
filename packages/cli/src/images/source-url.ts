/**
 * The repository URL for the image's `source` label, without credentials: a remote such as
 * `https://x-access-token:ghs_...@github.com/org/repo.git` must never end up in an image.
 * GitHub Actions' own variables win when present. Undefined when nothing usable is known.
 */
export function sourceUrl(
  env: Readonly<Record<string, string | undefined>>,
  origin: string | undefined,
): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo } = env;
  if (server && repo) return `${server}/${repo}`;
  const raw = origin?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      url.username = '';
      url.password = '';
      url.search = '';
      url.hash = '';
      return url.toString();
    } catch {
      return undefined;
    }
  }
  // scp-like `git@github.com:org/repo.git`: the user part is an account name, never a secret.
  return /^[\w.-]+@[\w.-]+:[\w./-]+$/.test(raw) ? raw : undefined;
}
