import { randomUUID } from 'node:crypto';

/** An answer in DigitalOcean's error shape; thrown by handlers, rendered by the server. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  body(): { id: string; message: string; request_id: string } {
    return { id: this.id, message: this.message, request_id: randomUUID() };
  }
}

export const notFound = (
  what = 'The resource you were accessing could not be found.',
): ApiFailure => new ApiFailure(404, 'not_found', what);

export const unprocessable = (message: string): ApiFailure =>
  new ApiFailure(422, 'unprocessable_entity', message);

export const unauthorized = (): ApiFailure =>
  new ApiFailure(401, 'unauthorized', 'Unable to authenticate you');

export const conflict = (message: string): ApiFailure => new ApiFailure(409, 'conflict', message);
