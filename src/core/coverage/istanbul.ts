import {
  MAX_COUNT,
  MAX_LINE,
  CoverageFormatError,
  branchKey,
  cleanName,
  emptyFile,
  quote,
  uniqueName,
  type CoverageParseOptions,
  type CoverageParser,
  type MutableFile,
  type ParsedCoverage,
} from './model.js'
import { ReportBuilder } from './report-builder.js'

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An own property only: `statementMap.constructor` must not find `Object.prototype`'s. */
function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined
}

function jsonCount(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined
  return value > MAX_COUNT ? MAX_COUNT : value
}

function jsonLine(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_LINE
    ? value
    : undefined
}

/** `{start: {line}}` → line. */
function startLine(location: unknown): number | undefined {
  if (!isObject(location)) return undefined
  const start = own(location, 'start')
  return isObject(start) ? jsonLine(own(start, 'line')) : undefined
}

function describeJson(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/**
 * Istanbul's `coverage-final.json` (jest, vitest, nyc, c8): lines come from statement start
 * lines with the largest count per line, exactly as istanbul's own line summary and lcov
 * reporter do; branches are `branchMap`/`b` (block = branch id, branch = outcome index);
 * functions `fnMap`/`f` (a repeated name gets its line appended: every `fnMap` entry is a
 * distinct function). A malformed entry is skipped with a warning; a document that is not a
 * JSON object throws `CoverageFormatError`.
 */
export class IstanbulParser implements CoverageParser {
  private readonly chunks: string[] = []
  constructor(private readonly options: CoverageParseOptions) {}

  write(chunk: string): void {
    this.chunks.push(chunk)
  }

  end(): ParsedCoverage {
    const source = this.options.source ?? 'coverage-final.json'
    const text = this.chunks.join('').replace(/^\uFEFF/, '')
    this.chunks.length = 0
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new CoverageFormatError(`${source}: not valid JSON (${reason})`)
    }
    if (!isObject(data)) {
      throw new CoverageFormatError(
        `${source}: expected an Istanbul coverage object keyed by file, got ${describeJson(data)}`,
      )
    }
    const report = new ReportBuilder('istanbul', source, this.options.roots)
    for (const [key, value] of Object.entries(data)) this.entry(report, key, value)
    return report.finish()
  }

  private entry(report: ReportBuilder, key: string, value: unknown): void {
    const where = `${report.source}: ${quote(key)}`
    let entry = value
    // Older istanbul serialised FileCoverage objects as {data: {...}}.
    if (
      isObject(entry) &&
      own(entry, 'statementMap') === undefined &&
      isObject(own(entry, 'data'))
    ) {
      entry = own(entry, 'data')
    }
    if (!isObject(entry)) {
      report.warn(`${where}: expected an object, got ${describeJson(entry)}; skipped`)
      return
    }
    const statementMap = own(entry, 'statementMap')
    const statements = own(entry, 's')
    if (!isObject(statementMap) || !isObject(statements)) {
      report.warn(`${where}: no statementMap and s objects (not Istanbul file coverage); skipped`)
      return
    }
    const pathValue = own(entry, 'path')
    const rawPath = typeof pathValue === 'string' && pathValue !== '' ? pathValue : key
    const file = emptyFile()
    const bad =
      readStatements(file, statementMap, statements) +
      readFunctions(file, own(entry, 'fnMap'), own(entry, 'f')) +
      readBranches(file, own(entry, 'branchMap'), own(entry, 'b'))
    if (bad > 0) {
      report.warn(
        `${where}: ${bad} statement, function or branch entr${bad === 1 ? 'y is' : 'ies are'} malformed (missing location or a count that is not a whole number ≥ 0); skipped`,
      )
    }
    report.add(report.locate(rawPath), file, 'sum', where)
  }
}

/** Lines from statement start lines, the largest count per line; returns the bad entries. */
function readStatements(file: MutableFile, statementMap: JsonObject, statements: JsonObject): number {
  let bad = 0
  for (const [id, count] of Object.entries(statements)) {
    const hits = jsonCount(count)
    const line = startLine(own(statementMap, id))
    if (hits === undefined || line === undefined) {
      bad++
      continue
    }
    file.lines.set(line, Math.max(file.lines.get(line) ?? 0, hits))
  }
  return bad
}

/** Functions from `fnMap`/`f`; returns the bad entries (a lone map or count object is one). */
function readFunctions(file: MutableFile, fnMap: unknown, functionCounts: unknown): number {
  if (!isObject(fnMap) || !isObject(functionCounts)) {
    return fnMap !== undefined || functionCounts !== undefined ? 1 : 0
  }
  let bad = 0
  for (const [id, count] of Object.entries(functionCounts)) {
    const hits = jsonCount(count)
    const meta = own(fnMap, id)
    if (hits === undefined || !isObject(meta)) {
      bad++
      continue
    }
    // Some instrumenters in the wild fill `loc` but not `decl` (istanbul's lcov reporter
    // falls back the same way).
    const line =
      startLine(own(meta, 'decl')) ?? startLine(own(meta, 'loc')) ?? jsonLine(own(meta, 'line'))
    if (line === undefined) {
      bad++
      continue
    }
    const nameValue = own(meta, 'name')
    const name = cleanName(
      typeof nameValue === 'string' && nameValue !== '' ? nameValue : `(anonymous_${id})`,
    )
    file.functions.set(uniqueName(file.functions, name, line), { line, hits })
  }
  return bad
}

/** Branch outcomes from `branchMap`/`b`; returns the bad entries, as `readFunctions` does. */
function readBranches(file: MutableFile, branchMap: unknown, branchCounts: unknown): number {
  if (!isObject(branchMap) || !isObject(branchCounts)) {
    return branchMap !== undefined || branchCounts !== undefined ? 1 : 0
  }
  let bad = 0
  for (const [id, counts] of Object.entries(branchCounts)) {
    const meta = own(branchMap, id)
    if (!Array.isArray(counts) || !isObject(meta)) {
      bad++
      continue
    }
    const locations = own(meta, 'locations')
    const line =
      startLine(own(meta, 'loc')) ??
      jsonLine(own(meta, 'line')) ??
      (Array.isArray(locations) ? startLine(locations[0]) : undefined)
    if (line === undefined) {
      bad++
      continue
    }
    for (const [index, count] of (counts as unknown[]).entries()) {
      const taken = jsonCount(count)
      if (taken === undefined) {
        bad++
        continue
      }
      const branch = String(index)
      file.branches.set(branchKey(line, id, branch), { line, block: id, branch, taken })
    }
  }
  return bad
}
