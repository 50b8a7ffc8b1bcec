import { joinTestId, normalizeFileId, type NormalizeOptions } from '../ids.js'
import {
  MAX_MESSAGE_CHARS,
  type FileFailure,
  type OutcomeStatus,
  type Outcomes,
  type TestOutcome,
} from '../outcomes.js'
import { isObject, message, seconds, type JsonObject } from './values.js'

/**
 * Mocha's `json` reporter: `tests[]`, `failures[]`, `pending[]` with `file` and `fullTitle`. A
 * failing hook (`"before all" hook for "x"`) is in `failures[]` only, and the tests it stopped
 * are in no list: it fails its file, so that the file counts as failed and a retry runs it
 * again, even when other tests of the file passed.
 */
export function parseMochaOutcomes(data: unknown, options: NormalizeOptions = {}): Outcomes {
  const tests: TestOutcome[] = []
  if (!isObject(data)) return { tests, fileFailures: [] }
  const key = (t: JsonObject) => `${String(t.file)}\u0000${String(t.fullTitle)}`
  const list = (name: string): JsonObject[] =>
    Array.isArray(data[name]) ? (data[name] as unknown[]).filter(isObject) : []
  const failed = new Set(list('failures').map(key))
  const pending = new Set(list('pending').map(key))
  const reported = new Set<string>()
  for (const t of list('tests')) {
    if (typeof t.fullTitle !== 'string' || typeof t.title !== 'string') continue
    reported.add(key(t))
    // A test from a root hook file or a programmatic suite may have no file: no id to give it.
    if (typeof t.file !== 'string') continue
    const file = normalizeFileId(t.file, options)
    const scope = t.fullTitle.endsWith(t.title) ? t.fullTitle.slice(0, -t.title.length).trim() : ''
    const status: OutcomeStatus = failed.has(key(t))
      ? 'failed'
      : pending.has(key(t))
        ? 'skipped'
        : 'passed'
    const error = isObject(t.err) ? t.err : undefined
    tests.push({
      id: joinTestId(file, scope === '' ? [] : [scope], t.title),
      file,
      status,
      seconds: seconds(t.duration),
      message: status === 'failed' ? message(error?.message) : undefined,
    })
  }
  const fileFailures: FileFailure[] = []
  for (const t of list('failures')) {
    // Outside any file (a root hook, an uncaught error between files): the exit code says it.
    if (reported.has(key(t)) || typeof t.file !== 'string') continue
    const error = isObject(t.err) ? message(t.err.message) : undefined
    const title = typeof t.fullTitle === 'string' ? t.fullTitle : 'a hook'
    fileFailures.push({
      file: normalizeFileId(t.file, options),
      message: (error === undefined ? title : `${title}: ${error}`).slice(0, MAX_MESSAGE_CHARS),
    })
  }
  return { tests, fileFailures }
}
