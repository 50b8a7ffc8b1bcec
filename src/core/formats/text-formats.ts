import { parseSeconds } from '../duration.js'
import { joinTestId, normalizeFileId, normalizeId, type NormalizeOptions } from '../ids.js'
import { storeCostModel, storeFromJson } from '../store.js'
import type { FormatName, ParsedTimings } from '../types.js'
import { RunBuilder } from './run-builder.js'

/**
 * Parsers for the timing formats that are small enough to read whole: every JSON format and
 * the line-based logs. JUnit XML streams instead (see junit.ts). Each parser validates every
 * entry, keeps the good ones and says what it dropped; it throws `TimingsFormatError` only
 * when the file as a whole is not of its format.
 */

export class TimingsFormatError extends Error {
  override readonly name = 'TimingsFormatError'
}

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function finish(
  format: FormatName,
  builders: readonly RunBuilder[],
  extra: string[] = [],
): ParsedTimings {
  const runs = builders.filter((b) => b.size > 0).map((b) => b.build())
  return { format, runs, warnings: [...builders.flatMap((b) => b.warnings()), ...extra] }
}

/** pytest-split `.test_durations` and Knapsack reports: `{ "<id>": seconds }`. */
export function parseFlatMap(
  source: string,
  data: JsonObject,
  options: NormalizeOptions,
  keys: readonly string[] = Object.keys(data),
): ParsedTimings {
  const format: FormatName = keys.some((k) => k.includes('::')) ? 'pytest-split' : 'knapsack'
  const builder = new RunBuilder(source, format, options)
  for (const id of keys) builder.add(id, data[id])
  return finish(format, [builder])
}

/**
 * A reader of `{ "key": number, … }` in JSON's own grammar, by character codes: it allocates
 * nothing per character and no match objects, which on a million entries is most of the cost.
 * Each `read…` returns the position after what it read, or -1 where the text is anything else.
 */
class FlatMapScanner {
  constructor(private readonly text: string) {}

  /** JSON's white space only (space, tab, line feed, carriage return), not all of `\s`. */
  skipSpace(at: number): number {
    let c = this.text.charCodeAt(at)
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = this.text.charCodeAt(++at)
    return at
  }

  /** A string, quotes included: no raw control character, only JSON's escapes. */
  readString(at: number): number {
    const text = this.text
    if (text.charCodeAt(at) !== 0x22) return -1
    for (let i = at + 1; ;) {
      const c = text.charCodeAt(i)
      if (c === 0x22) return i + 1
      if (!(c >= 0x20)) return -1 // a control character, or the end of the text
      if (c !== 0x5c) {
        i++
        continue
      }
      const escaped = text.charCodeAt(i + 1)
      if (escaped === 0x75) {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -1
        i += 6
      } else if ('"\\/bfnrt'.includes(String.fromCharCode(escaped))) i += 2
      else return -1
    }
  }

  /** A number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?. */
  readNumber(at: number): number {
    const text = this.text
    const digits = (from: number): number => {
      let i = from
      while (text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++
      return i
    }
    let i = text.charCodeAt(at) === 0x2d ? at + 1 : at
    if (text.charCodeAt(i) === 0x30) i++
    else if (text.charCodeAt(i) >= 0x31 && text.charCodeAt(i) <= 0x39) i = digits(i + 1)
    else return -1
    if (text.charCodeAt(i) === 0x2e) {
      const end = digits(i + 1)
      if (end === i + 1) return -1
      i = end
    }
    if (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) {
      const sign = text.charCodeAt(i + 1) === 0x2b || text.charCodeAt(i + 1) === 0x2d ? 1 : 0
      const end = digits(i + 1 + sign)
      if (end === i + 1 + sign) return -1
      i = end
    }
    return i
  }

  /**
   * The value of the number between `start` and `end` (as `readNumber` found it). Plain
   * decimals of up to 15 digits — every duration written by a timing tool — are computed
   * from their digits without a string per number: the integer of the digits divided by a
   * power of ten is exact on both sides, so the one rounding of the division gives the same
   * double `Number()` gives. Anything else goes through `Number()`.
   */
  numberAt(start: number, end: number): number {
    const text = this.text
    const negative = text.charCodeAt(start) === 0x2d
    let digits = 0
    let scale = 1
    let count = 0
    let fraction = false
    for (let i = negative ? start + 1 : start; i < end; i++) {
      const c = text.charCodeAt(i)
      if (c === 0x2e) {
        fraction = true
        continue
      }
      if (c < 0x30 || c > 0x39) return Number(text.slice(start, end)) // an exponent
      digits = digits * 10 + (c - 0x30)
      if (fraction) scale *= 10
      if (++count > 15) return Number(text.slice(start, end))
    }
    const value = digits / scale
    return negative ? -value : value
  }
}

/**
 * Reads a JSON object whose every value is a number — pytest-split and Knapsack files, up to
 * millions of ids — without building the object: `JSON.parse` would spend more time and memory
 * on a million-key object than planning spends on everything else. The result is what
 * `parseFlatMap` gives for `JSON.parse(text)`. `undefined` for any other text (another format,
 * a value that is not a number, a key given twice, bad JSON): parse it as JSON then.
 */
export function parseFlatMapText(
  source: string,
  text: string,
  options: NormalizeOptions,
): ParsedTimings | undefined {
  const entries = scanFlatMap(text)
  if (!entries) return undefined
  const { keys, values } = entries
  // A Shardwise store of numbers only is not a flat map, but a broken store.
  if (keys.includes('version') && (keys.includes('files') || keys.includes('tests')))
    return undefined
  // JSON objects list keys like "12" first, in numeric order; so that the ids arrive in the
  // same order, such rare files take the JSON path.
  if (keys.some(isIndexKey)) return undefined
  const format: FormatName = keys.some((k) => k.includes('::')) ? 'pytest-split' : 'knapsack'
  const builder = new RunBuilder(source, format, options)
  addAll(builder, keys, values)
  // A key given twice is one key to JSON (the last value wins) but two entries here; and ids
  // that meet only once normalised are summed in the order JSON gives them. Both are rare:
  // leave them to `parseFlatMap`.
  if (builder.distinctIds !== keys.length) return undefined
  return finish(format, [builder])
}

function addAll(builder: RunBuilder, keys: readonly string[], values: readonly number[]): void {
  for (let i = 0; i < keys.length; i++) builder.add(keys[i] ?? '', values[i])
}

/** The keys and values of a `{ "key": number, … }` text, or `undefined` for any other text. */
function scanFlatMap(text: string): { keys: string[]; values: number[] } | undefined {
  const scanner = new FlatMapScanner(text)
  let at = scanner.skipSpace(0)
  if (text.charCodeAt(at) !== 0x7b) return undefined
  const keys: string[] = []
  const values: number[] = []
  // The quoted keys are decoded (escapes and all) a batch at a time as a JSON list of strings:
  // each becomes a string of its own rather than a slice of the text, which would keep the
  // whole file alive and compare slowly when the ids are sorted.
  let quoted: string[] = []
  const decode = () => {
    for (const key of JSON.parse(`[${quoted.join(',')}]`) as string[]) keys.push(key)
    quoted = []
  }
  for (;;) {
    const keyStart = scanner.skipSpace(at + 1)
    const keyEnd = scanner.readString(keyStart)
    if (keyEnd < 0) return undefined
    const colon = scanner.skipSpace(keyEnd)
    if (text.charCodeAt(colon) !== 0x3a) return undefined
    const numberStart = scanner.skipSpace(colon + 1)
    const numberEnd = scanner.readNumber(numberStart)
    if (numberEnd < 0) return undefined
    quoted.push(text.slice(keyStart, keyEnd))
    values.push(scanner.numberAt(numberStart, numberEnd))
    if (quoted.length === 1 << 16) decode()
    at = scanner.skipSpace(numberEnd)
    const next = text.charCodeAt(at)
    if (next === 0x7d) break
    if (next !== 0x2c) return undefined
  }
  decode()
  if (scanner.skipSpace(at + 1) !== text.length) return undefined
  return { keys, values }
}

/** Whether JSON would order the key as an array index ("0" to "4294967294"). */
function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0)
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1
}

/**
 * cypress-split `{ "durations": [{ "spec", "duration" (ms) }] }`. A spec listed twice is two
 * observations of it (the file accumulates entries across runs), not one longer spec.
 */
export function parseCypressSplit(
  source: string,
  data: JsonObject,
  options: NormalizeOptions,
): ParsedTimings {
  const entries = data.durations
  if (!Array.isArray(entries))
    throw new TimingsFormatError(`${source}: "durations" is not an array`)
  const builders: RunBuilder[] = []
  // The n-th entry of a spec goes to the n-th run: counted, not searched for, so a file that
  // lists one spec 40,000 times parses in linear time.
  const seen = new Map<string, number>()
  const normalized = new Map<string, string>()
  const malformed: number[] = []
  entries.forEach((entry: unknown, index) => {
    if (!isObject(entry) || typeof entry.spec !== 'string' || typeof entry.duration !== 'number') {
      malformed.push(index)
      return
    }
    let id = normalized.get(entry.spec)
    if (id === undefined) {
      id = normalizeFileId(entry.spec, options)
      normalized.set(entry.spec, id)
    }
    const occurrence = seen.get(id) ?? 0
    seen.set(id, occurrence + 1)
    let builder = builders[occurrence]
    if (!builder) {
      builder = new RunBuilder(source, 'cypress-split', options)
      builders.push(builder)
    }
    builder.addNormalized(id, entry.duration / 1000)
  })
  const extra =
    malformed.length > 0
      ? [
          `${source}: ${malformed.length} entries of "durations" lack a string "spec" and a number "duration" (first at index ${malformed[0]})`,
        ]
      : []
  return finish('cypress-split', builders, extra)
}

/** Jest `--json` output: per-file run time and per-test durations (ms). */
export function parseJestJson(
  source: string,
  data: JsonObject,
  options: NormalizeOptions,
): ParsedTimings {
  const results = data.testResults
  if (!Array.isArray(results))
    throw new TimingsFormatError(`${source}: "testResults" is not an array`)
  const builder = new RunBuilder(source, 'jest-json', options)
  let malformed = 0
  for (const result of results as unknown[]) {
    if (!isObject(result) || typeof result.name !== 'string') {
      malformed++
      continue
    }
    const file = normalizeFileId(result.name, options)
    const perf = isObject(result.perfStats) ? result.perfStats : undefined
    const runtimeMs =
      typeof perf?.runtime === 'number'
        ? perf.runtime
        : typeof result.endTime === 'number' && typeof result.startTime === 'number'
          ? result.endTime - result.startTime
          : undefined
    if (runtimeMs !== undefined) builder.addNormalized(file, runtimeMs / 1000)
    const assertions = Array.isArray(result.assertionResults)
      ? (result.assertionResults as unknown[])
      : []
    for (const assertion of assertions) {
      if (!isObject(assertion) || typeof assertion.title !== 'string') {
        malformed++
        continue
      }
      const scopes = Array.isArray(assertion.ancestorTitles)
        ? assertion.ancestorTitles.filter((t): t is string => typeof t === 'string')
        : []
      const id = joinTestId(file, scopes, assertion.title)
      const ran = assertion.status === 'passed' || assertion.status === 'failed'
      if (ran && typeof assertion.duration === 'number') {
        builder.addNormalized(id, assertion.duration / 1000)
      } else {
        builder.addUntimed(id)
      }
    }
  }
  const extra = malformed > 0 ? [`${source}: ${malformed} malformed test results ignored`] : []
  return finish('jest-json', [builder], extra)
}

/** Shardwise's own timings store. See `store.ts` for the shape. */
export function parseStoreJson(
  source: string,
  data: JsonObject,
  options: NormalizeOptions,
): ParsedTimings {
  if (data.version !== 1) {
    throw new TimingsFormatError(
      `${source}: timings store version ${JSON.stringify(data.version)} is not supported (this Shardwise reads version 1)`,
    )
  }
  const builder = new RunBuilder(source, 'shardwise', options)
  for (const key of ['files', 'tests'] as const) {
    const section = data[key]
    if (section === undefined) continue
    if (!isObject(section)) throw new TimingsFormatError(`${source}: "${key}" is not an object`)
    for (const [id, entry] of Object.entries(section)) {
      const seconds = isObject(entry) ? entry.seconds : undefined
      // The store keeps a test's outcome history even when it ran in no measurable time: that
      // is a known test of unknown cost, not a bad entry to warn about on every run.
      if (seconds === 0) builder.addUntimed(normalizeId(id, options))
      else builder.add(id, seconds)
    }
  }
  const parsed = finish('shardwise', [builder])
  const costModel = storeCostModel(storeFromJson(data))
  if (costModel === undefined) return parsed
  return { ...parsed, runs: parsed.runs.map((run) => ({ ...run, costModel })) }
}

/** parallel_tests runtime logs: one `path:seconds` per line (split on the last colon). */
export function parseParallelTestsLog(
  source: string,
  text: string,
  options: NormalizeOptions,
): ParsedTimings {
  const builder = new RunBuilder(source, 'parallel-tests', options)
  const bad: number[] = []
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return
    const colon = line.lastIndexOf(':')
    // parseSeconds, not Number(): `0x10`, `0b11` and `Infinity` are not seconds.
    const seconds = colon > 0 ? parseSeconds(line.slice(colon + 1)) : undefined
    if (seconds === undefined) {
      bad.push(index + 1)
      return
    }
    builder.addNormalized(normalizeFileId(line.slice(0, colon), options), seconds)
  })
  if (builder.size === 0 && bad.length > 0) {
    throw new TimingsFormatError(`${source}: no line has the form "path:seconds" (line ${bad[0]})`)
  }
  const extra =
    bad.length > 0
      ? [
          `${source}: ${bad.length} lines are not "path:seconds" and were ignored (first: line ${bad[0]})`,
        ]
      : []
  return finish('parallel-tests', [builder], extra)
}

/**
 * `go test -json` event streams. Items are packages (what `go list ./...` prints); tests are
 * top-level `Test…` functions, since a subtest's time is inside its parent's.
 */
export function parseGoTestJson(source: string, text: string): ParsedTimings {
  const builder = new RunBuilder(source, 'go-test-json')
  let events = 0
  let notJson = 0
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue
    let event: unknown
    try {
      event = JSON.parse(line)
    } catch {
      notJson++
      continue
    }
    if (!isObject(event) || typeof event.Action !== 'string' || typeof event.Package !== 'string') {
      notJson++
      continue
    }
    events++
    const test = typeof event.Test === 'string' ? event.Test : undefined
    if (event.Action === 'skip' && test !== undefined && !test.includes('/')) {
      builder.addUntimed(joinTestId(event.Package, [], test))
      continue
    }
    if (event.Action !== 'pass' && event.Action !== 'fail') continue
    const elapsed = event.Elapsed
    if (test !== undefined) {
      if (test.includes('/')) continue
      builder.addNormalized(joinTestId(event.Package, [], test), elapsed)
    } else {
      builder.addNormalized(event.Package, elapsed)
    }
  }
  if (events === 0) throw new TimingsFormatError(`${source}: no "go test -json" events found`)
  const extra =
    notJson > 0 ? [`${source}: ${notJson} lines are not go test events and were ignored`] : []
  return finish('go-test-json', [builder], extra)
}
