import type { NormalizeOptions } from '../ids.js'
import type { ParsedTimings } from '../types.js'
import { parseJunit } from './junit.js'
import {
  TimingsFormatError,
  parseCypressSplit,
  parseFlatMap,
  parseFlatMapText,
  parseGoTestJson,
  parseJestJson,
  parseParallelTestsLog,
  parseStoreJson,
} from './text-formats.js'

export type Syntax = 'xml' | 'json' | 'lines'

export const SUPPORTED_FORMATS =
  'Shardwise timings, JUnit XML, pytest-split .test_durations, Knapsack JSON, parallel_tests runtime log, cypress-split JSON, Jest --json, go test -json'

/** Tells XML from JSON from line logs by the first non-blank characters of a file. */
export function detectSyntax(head: string): Syntax {
  // The first character that is neither white space nor a byte-order mark (`\s` covers both),
  // found without copying what may be the whole file.
  const first = /\S/.exec(head)?.[0]
  if (first === '<') return 'xml'
  if (first === '{' || first === '[') return 'json'
  return 'lines'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A flat map holds numbers; a few other values (a nested object in a poisoned cache) are bad
 * entries to count and drop, not a reason to lose the good ones. So: more than half numbers,
 * or nothing but numbers, nulls and strings. Decided as soon as the count allows.
 */
function isFlatMap(data: Record<string, unknown>, keys: readonly string[]): boolean {
  let numbers = 0
  let scalars = 0
  for (const key of keys) {
    const value = data[key]
    if (typeof value === 'number') {
      if (++numbers * 2 > keys.length) return true
    } else if (value === null || typeof value === 'string') scalars++
  }
  return keys.length > 0 && numbers + scalars === keys.length
}

/**
 * Parses a timings file read whole, whatever its format. Throws `TimingsFormatError` naming the
 * file when the content is of no supported format.
 */
export function parseTimingsText(
  source: string,
  raw: string,
  options: NormalizeOptions = {},
): ParsedTimings {
  const text = raw.replace(/^\uFEFF/, '')
  if (!/\S/.test(text)) throw new TimingsFormatError(`${source}: the file is empty`)
  const syntax = detectSyntax(text)
  if (syntax === 'xml') {
    const summary = parseJunit(source, text, options)
    return {
      format: 'junit',
      runs:
        summary.run.files.size + summary.run.tests.size + summary.run.untimed.size > 0
          ? [summary.run]
          : [],
      warnings: summary.warnings,
    }
  }
  if (syntax === 'json') {
    const flat = parseFlatMapText(source, text, options)
    if (flat) return flat
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (error) {
      // `go test -json` is one JSON object per line, which is not one JSON document.
      const firstLine = text.trimStart().split('\n', 1)[0] ?? ''
      if (/"Action"\s*:/.test(firstLine)) return parseGoTestJson(source, text)
      const reason = error instanceof Error ? error.message : String(error)
      throw new TimingsFormatError(`${source}: not valid JSON (${reason})`)
    }
    if (!isObject(data)) {
      throw new TimingsFormatError(
        `${source}: expected a JSON object, got ${Array.isArray(data) ? 'an array' : typeof data}`,
      )
    }
    if (typeof data.Action === 'string') return parseGoTestJson(source, text)
    // A plan holds enough numbers to pass for a flat map of timings: say what it is instead.
    if ('version' in data && Array.isArray(data.shards)) {
      throw new TimingsFormatError(
        `${source}: a Shardwise plan (what \`shardwise plan\` writes), not timings; give --timings the timings store (.shardwise/timings.json) or the test reports`,
      )
    }
    if (data.tool === 'shardwise' || ('version' in data && ('files' in data || 'tests' in data))) {
      return parseStoreJson(source, data, options)
    }
    if (Array.isArray(data.testResults)) return parseJestJson(source, data, options)
    if (Array.isArray(data.durations)) return parseCypressSplit(source, data, options)
    const keys = Object.keys(data)
    if (isFlatMap(data, keys)) return parseFlatMap(source, data, options, keys)
    if (keys.length === 0)
      return { format: 'knapsack', runs: [], warnings: [`${source}: no timings in the file`] }
    throw new TimingsFormatError(
      `${source}: a JSON object of no known timings format (${SUPPORTED_FORMATS})`,
    )
  }
  // `go test -json ./... 2>&1` starts with build output (`# pkg`, compiler errors) when a
  // package fails to build; its events follow.
  if (/^\{.*"Action"\s*:/m.test(text)) return parseGoTestJson(source, text)
  return parseParallelTestsLog(source, text, options)
}
