import { joinTestId, normalizeFileId, type NormalizeOptions } from '../ids.js'
import type { FileFailure, FileTiming, OutcomeStatus, Outcomes, TestOutcome } from '../outcomes.js'
import { isObject, message, seconds } from './values.js'

/**
 * Events written by Shardwise's node:test reporter, one JSON object per line:
 * `{"type":"test","file","path":["describe",…,"name"],"status","ms","message"}` and
 * `{"type":"file-error","file","message"}`.
 */
export function parseNodeTestOutcomes(text: string, options: NormalizeOptions = {}): Outcomes {
  const tests: TestOutcome[] = []
  const fileFailures: FileFailure[] = []
  const files: FileTiming[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    let event: unknown
    try {
      event = JSON.parse(line)
    } catch {
      continue
    }
    if (!isObject(event) || typeof event.file !== 'string') continue
    const file = normalizeFileId(event.file, options)
    if (event.type === 'file-error') {
      fileFailures.push({ file, message: message(event.message) ?? 'the test file failed to run' })
      continue
    }
    if (event.type === 'file') {
      const time = seconds(event.ms)
      if (time !== undefined && time > 0)
        files.push({
          file,
          seconds: time,
          ...(typeof event.startMs === 'number' && Number.isFinite(event.startMs)
            ? { startMs: event.startMs }
            : {}),
        })
      continue
    }
    if (event.type !== 'test' || !Array.isArray(event.path)) continue
    const path = event.path.filter((p): p is string => typeof p === 'string')
    const name = path[path.length - 1]
    if (name === undefined) continue
    const status: OutcomeStatus =
      event.status === 'passed' ? 'passed' : event.status === 'failed' ? 'failed' : 'skipped'
    tests.push({
      id: joinTestId(file, path.slice(0, -1), name),
      file,
      status,
      seconds: seconds(event.ms),
      message: status === 'failed' ? message(event.message) : undefined,
    })
  }
  return { tests, fileFailures, files }
}
