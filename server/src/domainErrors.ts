/**
 * What the services refuse, in their own terms. Each edge translates these once: `http/errors.ts` to an HTTP status
 * with `{ error }`, the room endpoint to a WebSocket close code with a reason. No service knows of either.
 */
export class DomainError extends Error {
  override name = 'DomainError'
}

/** The input cannot be read as asked (a malformed parameter, a room name out of rule). */
export class InvalidInputError extends DomainError {
  override name = 'InvalidInputError'
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError'
  constructor(message = 'not found') {
    super(message)
  }
}

/** The state does not allow it now (a closed round, a spent budget, a board at its cap). */
export class ConflictError extends DomainError {
  override name = 'ConflictError'
}

/** Well-formed, but it names something that does not fit (a card that is not in the round). */
export class UnprocessableError extends DomainError {
  override name = 'UnprocessableError'
}

/** No valid token: nobody is known. */
export class UnauthorizedError extends DomainError {
  override name = 'UnauthorizedError'
  constructor(message = 'a valid token is needed (Authorization: Bearer <token>)') {
    super(message)
  }
}

/** Someone is known, but may not do this. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError'
}

/** More than the input's size limit. */
export class TooLargeError extends DomainError {
  override name = 'TooLargeError'
}

export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError'
  /** Whole seconds until a new attempt may succeed. */
  readonly retryAfterSeconds: number
  constructor(message: string, retryAfterSeconds: number) {
    super(message)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** The server cannot do it now (a store that failed, a queue that is full); trying again later may work. */
export class UnavailableError extends DomainError {
  override name = 'UnavailableError'
}
