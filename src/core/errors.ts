/**
 * The two failure kinds the entries know how to report. A `UsageError` is the user's to fix
 * (bad flag, unreadable file, malformed data) and prints without a stack; an `InternalError`
 * is our bug and prints with one. Anything else reaching an entry is an environment failure.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export class InternalError extends Error {
  override readonly name = 'InternalError'
}

/** A message for any thrown value, `Error` or not. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    // JSON.stringify returns undefined for undefined, functions and symbols.
    const text = JSON.stringify(error) as string | undefined
    return text ?? String(error)
  } catch {
    return String(error)
  }
}
