import { ApiError } from './http.ts'

/** For tests: the ApiError a call was refused with; anything else (an answer, another error) fails the test. */
export async function refusalOf(call: Promise<unknown>): Promise<ApiError> {
  const reason = await call.then(
    () => null,
    (error: unknown) => error,
  )
  if (!(reason instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(reason)}`)
  return reason
}
