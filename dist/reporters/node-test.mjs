// Shardwise's reporter for node:test (`node --test --test-reporter=<this file>`): one JSON
// object per line for each finished test, with its file, its describe path, status and
// duration, and a `file-error` line for a file that failed outside any test (a throw at import,
// a crash, a non-zero exit). Plain JavaScript importing only node built-ins, because node loads
// it by path from dist/.
import { resolve } from 'node:path'

const MESSAGE_CHARS = 2000

function failureMessage(error) {
  const cause = error && typeof error === 'object' && 'cause' in error ? error.cause : undefined
  const text =
    cause instanceof Error
      ? cause.message
      : error instanceof Error
        ? error.message
        : String(error ?? '')
  return text.slice(0, MESSAGE_CHARS)
}

/**
 * The error line node printed for an uncaught throw (`TypeError: x is not a function`), from a
 * file's stderr; only that line, never the rest of what the test printed (it may hold secrets).
 */
function thrownError(output) {
  const lines = output
    .split('\n')
    .filter((line) => /^(?:[A-Za-z_$][\w$.]*)?(?:Error|Exception)\b/.test(line))
  return lines[0]?.trim()
}

/**
 * Whether an event is about the test node runs for a whole file (one per file, in its own
 * process). Its name is the file's path: absolute on node 20, relative to the working directory
 * on node 22 and later.
 */
function isFileItself(data) {
  return (
    data.nesting === 0 && typeof data.name === 'string' && resolve(data.name) === resolve(data.file)
  )
}

export default async function* shardwiseReporter(source) {
  const stacks = new Map()
  const started = new Map()
  // What each file printed on stderr, the last part: a file that throws at import reports
  // only "test failed", and what it threw is in its output.
  const stderr = new Map()
  for await (const event of source) {
    const data = event.data
    if (!data || typeof data.file !== 'string') continue
    // Absolute for test events; relative to the working directory for output on node 22+.
    const file = resolve(data.file)
    if (event.type === 'test:stderr') {
      if (typeof data.message === 'string') {
        const text = (stderr.get(file) ?? '') + data.message
        stderr.set(file, text.slice(-MESSAGE_CHARS))
      }
      continue
    }
    let stack = stacks.get(file)
    if (!stack) {
      stack = []
      stacks.set(file, stack)
    }
    if (event.type === 'test:start') {
      stack.length = data.nesting
      stack[data.nesting] = data.name
      continue
    }
    // The file's own process, from its start to its exit: what the file costs, imports and
    // start-up included. Node says when it hands the file to a process (`test:dequeue`) and
    // how long it took (`test:complete`, passed or failed).
    if (event.type === 'test:dequeue' && isFileItself(data)) {
      started.set(file, Date.now())
      continue
    }
    if (event.type === 'test:complete' && isFileItself(data)) {
      const ms = data.details?.duration_ms
      if (typeof ms === 'number' && ms > 0) {
        const startMs = started.get(file) ?? Date.now() - ms
        yield `${JSON.stringify({ type: 'file', file, ms, startMs })}\n`
      }
      continue
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue
    if (data.details?.type === 'suite') continue
    const failed = event.type === 'test:fail'
    const failureType = data.details?.error?.failureType
    if (isFileItself(data)) {
      // A file whose own tests failed is reported by them; anything else failed the file.
      if (failed && failureType !== 'subtestsFailed') {
        const reason = failureMessage(data.details?.error)
        const thrown = thrownError(stderr.get(file) ?? '')
        const message = thrown === undefined ? reason : `${reason}: ${thrown}`
        yield `${JSON.stringify({ type: 'file-error', file, message: message.slice(0, MESSAGE_CHARS) })}\n`
      }
      continue
    }
    if (failed && failureType === 'subtestsFailed') continue
    const path = [...stack.slice(0, data.nesting), data.name]
    const status = data.skip || data.todo ? 'skipped' : failed ? 'failed' : 'passed'
    yield `${JSON.stringify({
      type: 'test',
      file,
      path,
      status,
      ms: data.details?.duration_ms,
      ...(failed ? { message: failureMessage(data.details?.error) } : {}),
    })}\n`
  }
}
