import { HttpFailure } from '../http-stand-in/http-failure.js';

export const SECRETS_DOCS = 'https://docs.github.com/rest/actions/secrets';
export const VARIABLES_DOCS = 'https://docs.github.com/rest/actions/variables';

/** GitHub's error body: `{ message, documentation_url, status }` (status as a string). */
export const githubError = (status: number, message: string, docs = SECRETS_DOCS): HttpFailure =>
  new HttpFailure(status, { message, documentation_url: docs, status: String(status) });

export const notFound = (docs = SECRETS_DOCS): HttpFailure => githubError(404, 'Not Found', docs);

/** A request GitHub understood but refuses: 422 with its "Invalid request." preamble. */
export const invalidRequest = (detail: string, docs = SECRETS_DOCS): HttpFailure =>
  githubError(422, `Invalid request.\n\n${detail}`, docs);
