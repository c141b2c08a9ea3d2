/** A registry answered with a status the caller did not expect; carries the registry's own error codes. */
export class RegistryApiError extends Error {
  constructor(
    readonly status: number,
    readonly operation: string,
    readonly body: string,
  ) {
    super(`registry ${operation} failed with HTTP ${status}: ${body.slice(0, 300)}`);
    this.name = 'RegistryApiError';
  }
}
