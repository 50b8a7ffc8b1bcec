import { open } from 'node:fs/promises'
import { DecodeError } from '../core/contracts/schema.js'
import { UsageError, describeError } from '../core/errors.js'

/**
 * Reading a JSON file that crosses jobs or runs (plan, shard result, timings store, quarantine
 * list) through its contract's `decode`: one way to read them all, with one message shape.
 */

export type JsonFileProblem = 'missing' | 'unreadable' | 'too-large' | 'not-json' | 'invalid'

/**
 * Why a JSON file could not be used. It is a `UsageError` naming the flag and the file, for
 * callers that stop; callers that degrade (a shard result counted as missing, a fresh timings
 * store) read `problem` and `detail` and warn instead.
 */
export class JsonFileError extends UsageError {
  constructor(
    readonly flag: string,
    readonly path: string,
    readonly problem: JsonFileProblem,
    /** What went wrong, without the flag and path. */
    readonly detail: string,
  ) {
    super(`${flag} ${path}: ${detail}`)
  }
}

export interface ReadJsonOptions {
  /** A file larger than this is refused before it is read (untrusted files). */
  readonly maxBytes?: number
}

/**
 * Reads `path` (given by `flag`) and decodes its JSON with `decode`: a file that cannot be
 * read, is not JSON or does not decode is a `JsonFileError` naming the flag, the file and,
 * for a decode error, the field and what it must be. Any other error of `decode` is a bug and
 * passes through.
 */
export async function readJsonFile<T>(
  flag: string,
  path: string,
  decode: (data: unknown) => T,
  options: ReadJsonOptions = {},
): Promise<T> {
  const text = await readText(flag, path, options.maxBytes)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new JsonFileError(flag, path, 'not-json', `not valid JSON (${describeError(error)})`)
  }
  try {
    return decode(data)
  } catch (error) {
    if (error instanceof DecodeError) throw new JsonFileError(flag, path, 'invalid', error.message)
    throw error
  }
}

async function readText(flag: string, path: string, maxBytes: number | undefined): Promise<string> {
  const cannotRead = (error: unknown) =>
    new JsonFileError(
      flag,
      path,
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable',
      `cannot read it (${describeError(error)})`,
    )
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    throw cannotRead(error)
  }
  try {
    // The size of what was opened, so a file swapped after a check cannot slip past it.
    if (maxBytes !== undefined && (await handle.stat()).size > maxBytes)
      throw new JsonFileError(flag, path, 'too-large', `larger than ${maxBytes} bytes`)
    return await handle.readFile('utf8')
  } catch (error) {
    if (error instanceof JsonFileError) throw error
    throw cannotRead(error)
  } finally {
    await handle.close()
  }
}
