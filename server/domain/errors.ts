/**
 * The one error type services throw. The tRPC layer maps `code` to a transport code; `fieldErrors`
 * reach forms and are shown beside the named fields.
 */
export type DomainErrorCode =
  'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'precondition_failed' | 'rate_limited';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: DomainErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found.`);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const invalidField = (field: string, message: string) =>
  new DomainError('invalid', message, { [field]: [message] });
