/**
 * A call to GitHub or Vercel that did not do what was asked: the HTTP status (0 when nothing
 * answered) and a message naming the call and the API's own reason. Sync reports it as the
 * outcome of the targets concerned and carries on with the others.
 */
export class SecretsApiFailure extends Error {
  constructor(
    readonly api: 'GitHub' | 'Vercel',
    readonly status: number,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'SecretsApiFailure';
  }
}

/** What a failed call says in a sync or check row: the failure, and for API failures what to do. */
export function describeFailure(error: unknown): string {
  if (error instanceof SecretsApiFailure) return `${error.message}. ${error.hint}`;
  return error instanceof Error ? error.message : String(error);
}
