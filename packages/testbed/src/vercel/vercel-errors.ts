import { HttpFailure } from '../http-stand-in/http-failure.js';

/** Vercel's error body: `{ error: { code, message } }`. */
export const vercelError = (
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): HttpFailure => new HttpFailure(status, { error: { code, message, ...extra } });

export const forbidden = (): HttpFailure =>
  vercelError(403, 'forbidden', 'Not authorized', { invalidToken: true });

export const projectNotFound = (): HttpFailure =>
  vercelError(404, 'not_found', 'Project not found');

export const badRequest = (message: string): HttpFailure =>
  vercelError(400, 'bad_request', message);
