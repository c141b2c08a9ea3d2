/**
 * A DigitalOcean API call that failed: the HTTP status (0 when no answer came), DigitalOcean's
 * error id, a message that says which call failed and why, and what to do about it. Never
 * carries the token.
 */
export class DigitalOceanApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'DigitalOceanApiError';
  }
}
