import { LineSplitter, startsWithAt } from './line-splitter.js'
import {
  MAX_LINE,
  addCounts,
  branchKey,
  cleanName,
  emptyFile,
  listSome,
  quote,
  type CoverageParseOptions,
  type CoverageParser,
  type MutableFile,
  type ParsedCoverage,
} from './model.js'
import type { CoveragePath } from './paths.js'
import { ReportBuilder, countProblem, parseCount, parseLineNumber } from './report-builder.js'

/** lcov's summary lines, which are recomputed from the records and so never read. */
const LCOV_SUMMARIES = ['LF:', 'LH:', 'BRF:', 'BRH:', 'FNF:', 'FNH:']

interface LcovRecord {
  readonly path: CoveragePath
  readonly rawPath: string
  readonly startLine: number
  readonly file: MutableFile
  /** FN: name → first line. */
  readonly declared: Map<string, number>
  /** FNDA: name → summed hits. */
  readonly executed: Map<string, number>
  /** lcov 2.2 FNL: index → line. */
  readonly indexLines: Map<string, number>
}

/**
 * Streaming lcov (tracefile) parser: `SF`, `DA`, `BRDA`, `FN`/`FNDA` (and lcov 2's `FN` with an
 * end line, `FNL`/`FNA`), `end_of_record`; CRLF; a missing `end_of_record`. A bad record line
 * (non-numeric or negative count, bad line number) is skipped with a warning naming
 * `report:line`; the rest of the file is kept. A file repeated within one report is summed, as
 * lcov itself does.
 */
export class LcovParser implements CoverageParser {
  private readonly report: ReportBuilder
  private readonly lines: LineSplitter
  private record: LcovRecord | undefined
  private sawContent = false

  constructor(options: CoverageParseOptions) {
    this.report = new ReportBuilder('lcov', options.source ?? 'lcov', options.roots)
    this.lines = new LineSplitter(
      (text, start, end, n) => this.read(text, start, end, n),
      (n) => this.report.warn(`${this.report.source}:${n}: a line longer than 1 MiB is skipped`),
    )
  }

  write(chunk: string): void {
    this.lines.write(chunk)
  }

  end(): ParsedCoverage {
    this.lines.end()
    if (this.record) {
      this.report.warn(
        `${this.report.source}:${this.record.startLine}: the record for ${quote(this.record.rawPath)} has no end_of_record (truncated?); kept what it holds`,
      )
      this.commit()
    }
    if (!this.sawContent) this.report.warn(`${this.report.source}: the lcov report is empty`)
    return this.report.finish()
  }

  private where(n: number): string {
    return `${this.report.source}:${n}`
  }

  private read(text: string, start: number, end: number, n: number): void {
    if (end === start) return
    const record = this.record
    if (record && text.charCodeAt(start) > 32) {
      // `DA:` lines are most of any report, and summaries are never read: no allocation.
      if (
        startsWithAt(text, start, end, 'DA:') &&
        this.fastLineData(record, text, start + 3, end)
      ) {
        this.sawContent = true
        return
      }
      for (const summary of LCOV_SUMMARIES) {
        if (startsWithAt(text, start, end, summary)) {
          this.sawContent = true
          return
        }
      }
    }
    this.line(text.slice(start, end), n)
  }

  private line(line: string, n: number): void {
    if (line.trim() === '') return
    this.sawContent = true
    if (line === 'end_of_record') {
      if (this.record) this.commit()
      else this.report.warn(`${this.where(n)}: end_of_record without a record; ignored`)
      return
    }
    const colon = line.indexOf(':')
    const tag = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1)
    if (tag === 'SF') {
      if (this.record) {
        this.report.warn(
          `${this.where(n)}: SF before the end_of_record of ${quote(this.record.rawPath)}; that record is kept as it is`,
        )
        this.commit()
      }
      this.record = {
        path: this.report.locate(value),
        rawPath: value,
        startLine: n,
        file: emptyFile(),
        declared: new Map(),
        executed: new Map(),
        indexLines: new Map(),
      }
      return
    }
    if (tag === 'TN' || tag === 'VER') return
    const record = this.record
    if (!record) {
      this.report.warn(
        `${this.where(n)}: ${quote(line.slice(0, 40))} outside a record (no SF); ignored`,
      )
      return
    }
    switch (tag) {
      case 'DA':
        this.lineData(record, value, n)
        return
      case 'BRDA':
        this.branchData(record, value, n)
        return
      case 'FN':
        this.functionDeclaration(record, value, n)
        return
      case 'FNDA':
        this.functionData(record, value, n)
        return
      case 'FNL':
        this.functionLeader(record, value, n)
        return
      case 'FNA':
        this.functionAlias(record, value, n)
        return
      default:
        // LF, LH, BRF, BRH, FNF, FNH are recomputed from the records; other tags are
        // extensions. A line with no tag at all is damage.
        if (!/^[A-Z][A-Z0-9_]*:/.test(line)) {
          this.report.warn(
            `${this.where(n)}: ${quote(line.slice(0, 40))} is not an lcov line; ignored`,
          )
        }
        return
    }
  }

  /**
   * The value of a `DA:` line, `<line>,<hits>[,<checksum>]` in plain digits, read in place;
   * `false` sends anything else to `lineData`, which explains what is wrong.
   */
  private fastLineData(record: LcovRecord, text: string, from: number, end: number): boolean {
    let i = from
    let line = 0
    let c = i < end ? text.charCodeAt(i) : -1
    while (c >= 48 && c <= 57) {
      line = line * 10 + (c - 48)
      c = ++i < end ? text.charCodeAt(i) : -1
    }
    if (i === from || c !== 44 || line < 1 || line > MAX_LINE) return false
    const digits = ++i
    let hits = 0
    c = i < end ? text.charCodeAt(i) : -1
    while (c >= 48 && c <= 57) {
      hits = hits * 10 + (c - 48)
      c = ++i < end ? text.charCodeAt(i) : -1
    }
    // Up to 15 digits are exact; longer counts take the saturating path.
    if (i === digits || i - digits > 15 || (i < end && c !== 44)) return false
    const previous = record.file.lines.get(line)
    record.file.lines.set(line, previous === undefined ? hits : addCounts(previous, hits))
    return true
  }

  private lineData(record: LcovRecord, value: string, n: number): void {
    const [lineText, hitsText] = value.split(',', 3)
    const line = parseLineNumber(lineText)
    if (line === undefined) {
      this.report.warn(
        `${this.where(n)}: DA line number ${quote(lineText ?? '')} is not valid; skipped`,
      )
      return
    }
    const hits = parseCount(hitsText)
    if (hits === undefined) {
      this.report.warn(`${this.where(n)}: DA count ${countProblem(hitsText)}; skipped`)
      return
    }
    const previous = record.file.lines.get(line)
    record.file.lines.set(line, previous === undefined ? hits : addCounts(previous, hits))
  }

  private branchData(record: LcovRecord, value: string, n: number): void {
    const first = value.indexOf(',')
    const second = first < 0 ? -1 : value.indexOf(',', first + 1)
    const last = value.lastIndexOf(',')
    if (first < 0 || second < 0 || last <= second) {
      this.report.warn(`${this.where(n)}: BRDA needs line,block,branch,taken; skipped`)
      return
    }
    const line = parseLineNumber(value.slice(0, first))
    const block = value.slice(first + 1, second)
    const branch = value.slice(second + 1, last)
    const takenText = value.slice(last + 1)
    if (line === undefined) {
      this.report.warn(
        `${this.where(n)}: BRDA line number ${quote(value.slice(0, first))} is not valid; skipped`,
      )
      return
    }
    const taken = takenText === '-' ? 0 : parseCount(takenText)
    if (taken === undefined) {
      this.report.warn(`${this.where(n)}: BRDA taken ${countProblem(takenText)}; skipped`)
      return
    }
    const key = branchKey(line, block, branch)
    const previous = record.file.branches.get(key)
    if (previous) previous.taken = addCounts(previous.taken, taken)
    else record.file.branches.set(key, { line, block, branch, taken })
  }

  private functionDeclaration(record: LcovRecord, value: string, n: number): void {
    const comma = value.indexOf(',')
    const line = parseLineNumber(value.slice(0, comma < 0 ? value.length : comma))
    if (comma < 0 || line === undefined) {
      this.report.warn(`${this.where(n)}: FN needs a line number and a name; skipped`)
      return
    }
    let name = value.slice(comma + 1)
    // lcov 2: FN:<start>,<end>,<name>
    const withEnd = /^(\d+),(.+)$/.exec(name)
    if (withEnd?.[2] !== undefined) name = withEnd[2]
    name = cleanName(name)
    if (!record.declared.has(name)) record.declared.set(name, line)
  }

  private functionData(record: LcovRecord, value: string, n: number): void {
    const comma = value.indexOf(',')
    const hitsText = comma < 0 ? value : value.slice(0, comma)
    const hits = parseCount(hitsText)
    if (comma < 0 || hits === undefined) {
      this.report.warn(
        `${this.where(n)}: FNDA count ${comma < 0 ? 'or name is missing' : countProblem(hitsText)}; skipped`,
      )
      return
    }
    const name = cleanName(value.slice(comma + 1))
    record.executed.set(name, addCounts(record.executed.get(name) ?? 0, hits))
  }

  private functionLeader(record: LcovRecord, value: string, n: number): void {
    const [index, lineText] = value.split(',', 3)
    const line = parseLineNumber(lineText)
    if (index === undefined || line === undefined) {
      this.report.warn(`${this.where(n)}: FNL needs an index and a line number; skipped`)
      return
    }
    record.indexLines.set(index, line)
  }

  private functionAlias(record: LcovRecord, value: string, n: number): void {
    const first = value.indexOf(',')
    const second = first < 0 ? -1 : value.indexOf(',', first + 1)
    const line = first < 0 ? undefined : record.indexLines.get(value.slice(0, first))
    const hitsText = second < 0 ? undefined : value.slice(first + 1, second)
    const hits = parseCount(hitsText)
    if (line === undefined || hits === undefined) {
      this.report.warn(`${this.where(n)}: FNA needs a known FNL index, a count and a name; skipped`)
      return
    }
    const name = cleanName(value.slice(second + 1))
    if (!record.declared.has(name)) record.declared.set(name, line)
    record.executed.set(name, addCounts(record.executed.get(name) ?? 0, hits))
  }

  private commit(): void {
    const record = this.record
    if (!record) return
    this.record = undefined
    for (const [name, line] of record.declared) {
      record.file.functions.set(name, { line, hits: record.executed.get(name) ?? 0 })
    }
    const undeclared = [...record.executed.keys()].filter((name) => !record.declared.has(name))
    if (undeclared.length > 0) {
      this.report.warn(
        `${this.where(record.startLine)}: FNDA for ${undeclared.length} function(s) with no FN line (${listSome(undeclared.map(quote), 3)}); skipped`,
      )
    }
    this.report.add(record.path, record.file, 'sum', this.where(record.startLine))
  }
}
