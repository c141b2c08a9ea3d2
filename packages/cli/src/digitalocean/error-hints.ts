/** What to do about a failed call, by status (and DigitalOcean error id where it says more). */
export function hintFor(status: number, id: string): string {
  if (status === 401) {
    return 'Check DIGITALOCEAN_TOKEN: it is missing, mistyped, expired or revoked. Create a token under API > Tokens in the DigitalOcean control panel.';
  }
  if (status === 403) {
    return 'The token lacks a scope this call needs (e.g. registry:delete, load_balancer:update); use a token with read and write scopes for it.';
  }
  if (status === 404) {
    return 'Check the registry name, repository, tag, droplet id or load balancer id in opsctl.yaml against what exists in the account.';
  }
  if (status === 409)
    return 'Another operation is in progress (e.g. a registry garbage collection); retry once it has finished.';
  if (status === 422 || status === 400)
    return 'DigitalOcean rejected the request content; see the message for the field.';
  if (status === 429 || id === 'too_many_requests') {
    return 'The API rate limit (5,000 requests/hour, 250/minute per token) is spent; wait and retry, or use a separate token for CI.';
  }
  if (status >= 500)
    return 'DigitalOcean had a server-side error and retries did not help; check status.digitalocean.com and retry later.';
  return 'See the message above.';
}
