// Shardwise's reporter for node:test (`node --test --test-reporter=<this file>`): one JSON
// object per line for each finished test, with its file, its describe path, status and
// duration, and a `file-error` line for a file that failed before any test ran. Plain
// JavaScript with no imports, because node loads it by path from dist/.
import { basename } from 'node:path'

function failureMessage(error) {
  const cause = error && typeof error === 'object' && 'cause' in error ? error.cause : undefined
  const text =
    cause instanceof Error
      ? cause.message
      : error instanceof Error
        ? error.message
        : String(error ?? '')
  return text.slice(0, 2000)
}

export default async function* shardwiseReporter(source) {
  const stacks = new Map()
  for await (const event of source) {
    const data = event.data
    if (!data || typeof data.file !== 'string') continue
    const file = data.file
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
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue
    if (data.details?.type === 'suite') continue
    const failed = event.type === 'test:fail'
    const isFileItself = data.nesting === 0 && (data.name === file || data.name === basename(file))
    if (isFileItself) {
      if (failed)
        yield `${JSON.stringify({ type: 'file-error', file, message: failureMessage(data.details?.error) })}\n`
      continue
    }
    if (failed && data.details?.error?.failureType === 'subtestsFailed') continue
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
