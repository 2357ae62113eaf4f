// An error the API returns as-is: its status code, a stable code and a message that names the value and the fix.

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (code: string, message: string) => new HttpError(404, code, message);
export const unprocessable = (code: string, message: string, details?: unknown) => new HttpError(422, code, message, details);
export const badRequest = (code: string, message: string, details?: unknown) => new HttpError(400, code, message, details);
