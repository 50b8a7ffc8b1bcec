import { UsageError } from './errors.js'
import { normalizeFileId } from './ids.js'
import { decodeEntities, parseAttributes } from './formats/xml.js'

/**
 * Coverage for `shardwise combine`: read the reports people have (lcov, Istanbul
 * `coverage-final.json`, Cobertura XML, Go cover profiles), put every file under its
 * repo-relative path, merge the shards by summing, summarise, check a threshold, write lcov and
 * Cobertura, and measure the coverage of a diff's added lines.
 *
 * Pure: text in, data out. Paths named by a report are identity strings only; no source file is
 * ever opened (THREATS E1), so a report naming `/etc/passwd` costs nothing but a warning.
 * Every keyed collection is a `Map`: a repository may hold a file literally named `__proto__`
 * (THREATS E5).
 */

export type CoverageFormat = 'lcov' | 'istanbul' | 'cobertura' | 'go'

/** One outcome of one branch point. `block` and `branch` are lcov's ids (strings in lcov 2). */
export interface BranchCoverage {
  readonly line: number
  readonly block: string
  readonly branch: string
  /** How often this outcome was taken; lcov's `-` (never evaluated) is 0. */
  readonly taken: number
}

export interface FunctionCoverage {
  readonly line: number
  readonly hits: number
}

export interface FileCoverage {
  /** Instrumented line → hits. A line absent here is not instrumented. */
  readonly lines: ReadonlyMap<number, number>
  /** `branchKey(line, block, branch)` → the outcome. */
  readonly branches: ReadonlyMap<string, BranchCoverage>
  /** Function name → where it starts and how often it ran. */
  readonly functions: ReadonlyMap<string, FunctionCoverage>
}

/** Repo-relative POSIX path (NFC) → its coverage. */
export type CoverageModel = ReadonlyMap<string, FileCoverage>

export interface ParsedCoverage {
  readonly format: CoverageFormat
  /** Files inside the repository, sorted by path. */
  readonly files: CoverageModel
  /** Normalised paths that resolve outside the repository: excluded from `files`, sorted. */
  readonly outside: readonly string[]
  readonly warnings: readonly string[]
}

export interface CoverageParseOptions {
  /**
   * Absolute roots to strip (the shard's workspace, the combining job's checkout). The
   * hosted-runner workspaces that `normalizeFileId` knows are stripped as well.
   */
  readonly roots: readonly string[]
  /** The report's name, used in warnings. */
  readonly source?: string
  /** Go module path (`go.mod`'s `module`): stripped from the import paths of a Go profile. */
  readonly goModule?: string
}

/** A report that cannot be used at all (hostile DTD, not JSON, not the format it claims). */
export class CoverageFormatError extends Error {
  override readonly name = 'CoverageFormatError'
}

/** A parser fed text in chunks of any size; `end` returns what the whole document held. */
export interface CoverageParser {
  write(chunk: string): void
  end(): ParsedCoverage
}

/** The key of a branch outcome in `FileCoverage.branches`. Line and block hold no comma. */
export function branchKey(line: number, block: string, branch: string): string {
  return `${line},${block},${branch}`
}

// ---------------------------------------------------------------------------------------------
// Counts, files and merging

/**
 * Hits saturate here instead of losing precision: saturating addition of non-negative numbers
 * stays commutative and associative, which plain float addition past 2^53 would not.
 */
const MAX_COUNT = Number.MAX_SAFE_INTEGER
/** Beyond any real source file; a Go block claiming more lines is corrupt. */
const MAX_LINE = 0x7fffffff

function addCounts(a: number, b: number): number {
  const sum = a + b
  return sum > MAX_COUNT ? MAX_COUNT : sum
}

/** A branch outcome owned by one `MutableFile`, so that summing can update it in place. */
interface OwnedBranch {
  readonly line: number
  readonly block: string
  readonly branch: string
  taken: number
}

interface OwnedFunction {
  line: number
  hits: number
}

/**
 * A file being built or merged. Its record objects belong to it alone: every record taken from
 * another file is copied on the way in, so updating one in place never reaches an argument.
 */
interface MutableFile {
  readonly lines: Map<number, number>
  readonly branches: Map<string, OwnedBranch>
  readonly functions: Map<string, OwnedFunction>
}

function emptyFile(): MutableFile {
  return { lines: new Map(), branches: new Map(), functions: new Map() }
}

function ownBranch(outcome: BranchCoverage): OwnedBranch {
  return { line: outcome.line, block: outcome.block, branch: outcome.branch, taken: outcome.taken }
}

function copyFile(file: FileCoverage): MutableFile {
  const branches = new Map<string, OwnedBranch>()
  for (const [key, outcome] of file.branches) branches.set(key, ownBranch(outcome))
  const functions = new Map<string, OwnedFunction>()
  for (const [name, fn] of file.functions) functions.set(name, { line: fn.line, hits: fn.hits })
  return { lines: new Map(file.lines), branches, functions }
}

/** Adds `source`'s counts to `target`: the union of records with summed hits. */
function sumInto(target: MutableFile, source: FileCoverage): void {
  for (const [line, hits] of source.lines) {
    const previous = target.lines.get(line)
    target.lines.set(line, previous === undefined ? hits : addCounts(previous, hits))
  }
  for (const [key, outcome] of source.branches) {
    const previous = target.branches.get(key)
    if (previous) previous.taken = addCounts(previous.taken, outcome.taken)
    else target.branches.set(key, ownBranch(outcome))
  }
  for (const [name, fn] of source.functions) {
    const previous = target.functions.get(name)
    if (previous) {
      // Two shards disagreeing on where a function starts cannot happen within one commit;
      // the smaller line keeps the merge independent of shard order.
      previous.line = Math.min(previous.line, fn.line)
      previous.hits = addCounts(previous.hits, fn.hits)
    } else target.functions.set(name, { line: fn.line, hits: fn.hits })
  }
}

/**
 * Keeps the larger count per record. Used inside one Cobertura report, where several `<class>`
 * elements for one file (inner classes) describe the same execution: summing would count it
 * twice.
 */
function maxInto(target: MutableFile, source: FileCoverage): void {
  for (const [line, hits] of source.lines) {
    target.lines.set(line, Math.max(target.lines.get(line) ?? 0, hits))
  }
  for (const [key, outcome] of source.branches) {
    const previous = target.branches.get(key)
    if (!previous) target.branches.set(key, ownBranch(outcome))
    else previous.taken = Math.max(previous.taken, outcome.taken)
  }
  for (const [name, fn] of source.functions) {
    const previous = target.functions.get(name)
    if (!previous) target.functions.set(name, { line: fn.line, hits: fn.hits })
    else if (previous.line === fn.line) previous.hits = Math.max(previous.hits, fn.hits)
    else {
      target.functions.set(uniqueName(target.functions, name, fn.line), {
        line: fn.line,
        hits: fn.hits,
      })
    }
  }
}

/** `name`, or `name (line N)` when another function of the file already has that name. */
function uniqueName(
  functions: ReadonlyMap<string, FunctionCoverage>,
  name: string,
  line: number,
): string {
  if (!functions.has(name)) return name
  const withLine = `${name} (line ${line})`
  if (!functions.has(withLine)) return withLine
  for (let n = 2; ; n++) {
    const numbered = `${name} (line ${line}, #${n})`
    if (!functions.has(numbered)) return numbered
  }
}

/** The sum of two files' coverage. Neither argument is changed. */
export function mergeFileCoverage(a: FileCoverage, b: FileCoverage): FileCoverage {
  const merged = copyFile(a)
  sumInto(merged, b)
  return merged
}

/**
 * Merges two models by summing hits per line, branch outcome and function; a file present in
 * only one of them is kept as it is. Commutative and associative (up to map order), so shard
 * order never matters and no shard overwrites another. Neither argument is changed.
 */
export function mergeCoverage(a: CoverageModel, b: CoverageModel): CoverageModel {
  const merged = new Map<string, FileCoverage>(a)
  for (const [path, file] of b) {
    const previous = merged.get(path)
    merged.set(path, previous ? mergeFileCoverage(previous, file) : file)
  }
  return merged
}

export interface MergedCoverage {
  /** Sorted by path. */
  readonly files: CoverageModel
  readonly warnings: readonly string[]
}

/**
 * Merges shard after shard into one model, as `mergeCoverage` would pairwise, but copying each
 * file at most once and holding only the merged model (plus the shard being added): the way to
 * merge hundreds of shards (THREATS E6). The models added are never changed.
 *
 * Files whose number of instrumented lines differs between shards are reported: in one run
 * every shard tests the same commit, so it means different commits or different tools.
 */
export class CoverageMerger {
  private readonly merged = new Map<
    string,
    { file: FileCoverage; owned: MutableFile | undefined }
  >()
  private readonly lineCounts = new Map<string, Set<number>>()

  add(model: CoverageModel): void {
    for (const [path, file] of model) {
      const counts = this.lineCounts.get(path)
      if (counts) counts.add(file.lines.size)
      else this.lineCounts.set(path, new Set([file.lines.size]))
      const entry = this.merged.get(path)
      if (!entry) {
        this.merged.set(path, { file, owned: undefined })
        continue
      }
      if (!entry.owned) {
        entry.owned = copyFile(entry.file)
        entry.file = entry.owned
      }
      sumInto(entry.owned, file)
    }
  }

  /** The merge so far, sorted by path, with its warnings. */
  result(): MergedCoverage {
    const files = new Map<string, FileCoverage>()
    for (const path of [...this.merged.keys()].sort(compareStrings)) {
      const entry = this.merged.get(path)
      if (entry) files.set(path, entry.owned ? copyFile(entry.owned) : entry.file)
    }
    const mismatched = [...this.lineCounts]
      .filter(([, counts]) => counts.size > 1)
      .map(([path, counts]) => `${quote(path)} (${[...counts].sort((x, y) => x - y).join(' vs ')})`)
      .sort(compareStrings)
    const warnings =
      mismatched.length === 0
        ? []
        : [
            `${mismatched.length} file(s) have different instrumented line counts in different shards (different commits or coverage tools?); their lines were merged as a union: ${listSome(mismatched)}`,
          ]
    return { files, warnings }
  }
}

/** Merges any number of models at once. See `CoverageMerger`. */
export function mergeCoverageModels(models: readonly CoverageModel[]): MergedCoverage {
  const merger = new CoverageMerger()
  for (const model of models) merger.add(model)
  return merger.result()
}

// ---------------------------------------------------------------------------------------------
// Paths

export type CoveragePath =
  | { readonly kind: 'repo'; readonly path: string }
  | { readonly kind: 'outside'; readonly path: string }
  | { readonly kind: 'invalid'; readonly reason: string }

/** Longest first, so a workspace nested in another root is stripped as a whole. */
function sortRoots(roots: readonly string[]): string[] {
  return [...roots].filter((root) => root.trim() !== '').sort((a, b) => b.length - a.length)
}

function fromFileUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw)
    let path = decodeURIComponent(url.pathname)
    if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1)
    return url.host === '' ? path : `//${url.host}${path}`
  } catch {
    return undefined
  }
}

function isOutside(path: string): boolean {
  return (
    path.startsWith('/') || /^[A-Za-z]:\//.test(path) || path === '..' || path.startsWith('../')
  )
}

/**
 * Where a path named by a coverage report lives: strips the given roots (longest first) and the
 * hosted runners' workspaces, turns `\` into `/`, applies NFC and resolves `.`/`..` lexically.
 * What is still absolute, or climbs out with `../`, is outside the repository.
 */
export function locateCoveragePath(raw: string, roots: readonly string[]): CoveragePath {
  return locate(raw, sortRoots(roots))
}

function locate(raw: string, sortedRoots: readonly string[]): CoveragePath {
  if (raw.includes('\0') || raw.includes('\n') || raw.includes('\r')) {
    return { kind: 'invalid', reason: 'it contains a NUL or line break' }
  }
  let path = raw
  if (/^file:\/\//i.test(path)) {
    const decoded = fromFileUrl(path)
    if (decoded === undefined) return { kind: 'invalid', reason: 'it is not a valid file URL' }
    path = decoded
  }
  if (path.trim() === '') return { kind: 'invalid', reason: 'it is empty' }
  const id = normalizeFileId(path, { roots: sortedRoots })
  if (id === '.') return { kind: 'invalid', reason: 'it names the repository root, not a file' }
  return isOutside(id) ? { kind: 'outside', path: id } : { kind: 'repo', path: id }
}

/** A directory named by a Cobertura `<source>`: `.` for the repository root itself. */
function locateDirectory(raw: string, sortedRoots: readonly string[]): CoveragePath {
  const trimmed = raw.trim().replace(/[\\/]+$/, '')
  if (trimmed === '' || trimmed === '.') return { kind: 'repo', path: '.' }
  const id = normalizeFileId(`${trimmed}/.`, { roots: sortedRoots })
  if (id === '.') return { kind: 'repo', path: '.' }
  return isOutside(id) ? { kind: 'outside', path: id } : { kind: 'repo', path: id }
}

// ---------------------------------------------------------------------------------------------
// Shared parser plumbing

const MAX_WARNINGS = 50

function quote(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)
}

function listSome(items: readonly string[], limit = 10): string {
  return items.length <= limit
    ? items.join(', ')
    : `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A whole number of hits, saturated at `MAX_COUNT`; `undefined` for anything else. */
function parseCount(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined
  const value = Number(text)
  return value > MAX_COUNT ? MAX_COUNT : value
}

function countProblem(text: string | undefined): string {
  if (text === undefined) return 'is missing'
  return /^-\d+$/.test(text.trim())
    ? `${quote(text)} is negative`
    : `${quote(text)} is not a whole number`
}

function parseLineNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined
  const value = Number(text)
  return value >= 1 && value <= MAX_LINE ? value : undefined
}

function cleanName(name: string): string {
  return name.replace(/[\r\n]+/g, ' ')
}

/** Collects one report's files, outside paths and warnings. */
class ReportBuilder {
  private readonly files = new Map<string, MutableFile>()
  private readonly outsidePaths = new Set<string>()
  private readonly warningList: string[] = []
  private droppedWarnings = 0
  readonly roots: readonly string[]

  constructor(
    readonly format: CoverageFormat,
    readonly source: string,
    roots: readonly string[],
  ) {
    this.roots = sortRoots(roots)
  }

  warn(message: string): void {
    if (this.warningList.length < MAX_WARNINGS) this.warningList.push(message)
    else this.droppedWarnings++
  }

  locate(raw: string): CoveragePath {
    return locate(raw, this.roots)
  }

  /** Records a file; a path seen before in the same report is combined (`sum` or `max`). */
  add(path: CoveragePath, file: MutableFile, combine: 'sum' | 'max', where: string): void {
    if (path.kind === 'invalid') {
      this.warn(`${where}: the file path is unusable (${path.reason}); its coverage is skipped`)
      return
    }
    if (path.kind === 'outside') {
      this.outsidePaths.add(path.path)
      return
    }
    const previous = this.files.get(path.path)
    if (!previous) this.files.set(path.path, file)
    else if (combine === 'sum') sumInto(previous, file)
    else maxInto(previous, file)
  }

  get fileCount(): number {
    return this.files.size
  }

  finish(): ParsedCoverage {
    const outside = [...this.outsidePaths].sort(compareStrings)
    const warnings = [...this.warningList]
    if (this.droppedWarnings > 0) {
      warnings.push(`${this.source}: ${this.droppedWarnings} more problems like the above`)
    }
    if (outside.length > 0) {
      warnings.push(
        `${this.source}: ${outside.length} file(s) outside the repository are excluded from coverage: ${listSome(outside.map(quote), 5)}`,
      )
    }
    const files = new Map<string, FileCoverage>()
    for (const path of [...this.files.keys()].sort(compareStrings)) {
      const file = this.files.get(path)
      if (file) files.set(path, file)
    }
    return { format: this.format, files, outside, warnings }
  }
}

/**
 * Splits chunks into lines (CRLF or LF) and guards against one endless line. A line is handed
 * over as `text` with its bounds rather than as a new string, so that a parser can read the
 * lines that make up most of a report without allocating (`slice` when it needs the string).
 */
class LineSplitter {
  private rest = ''
  private skipping = false
  private lineNumber = 0
  private static readonly MAX_LINE_CHARS = 1 << 20

  constructor(
    private readonly onLine: (text: string, start: number, end: number, lineNumber: number) => void,
    private readonly onOverlong: (lineNumber: number) => void,
  ) {}

  write(chunk: string): void {
    const text = this.rest.length === 0 ? chunk : this.rest + chunk
    let start = 0
    for (;;) {
      const newline = text.indexOf('\n', start)
      if (newline < 0) break
      this.lineNumber++
      if (this.skipping) this.skipping = false
      else this.emit(text, start, newline)
      start = newline + 1
    }
    this.rest = text.slice(start)
    if (this.rest.length > LineSplitter.MAX_LINE_CHARS) {
      if (!this.skipping) this.onOverlong(this.lineNumber + 1)
      this.skipping = true
      this.rest = ''
    }
  }

  end(): void {
    if (this.rest.length > 0 && !this.skipping) {
      this.lineNumber++
      this.emit(this.rest, 0, this.rest.length)
    }
    this.rest = ''
  }

  private emit(text: string, start: number, end: number): void {
    if (end > start && text.charCodeAt(end - 1) === 13) end--
    if (this.lineNumber === 1 && text.charCodeAt(start) === 0xfeff) start++
    this.onLine(text, start, end, this.lineNumber)
  }
}

/** `text.slice(start, end)` starts with `prefix`. */
function startsWithAt(text: string, start: number, end: number, prefix: string): boolean {
  return end - start >= prefix.length && text.startsWith(prefix, start)
}

/** lcov's summary lines, which are recomputed from the records and so never read. */
const LCOV_SUMMARIES = ['LF:', 'LH:', 'BRF:', 'BRH:', 'FNF:', 'FNH:']

// ---------------------------------------------------------------------------------------------
// lcov

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

/** Parses an lcov tracefile. See `LcovParser`. */
export function parseLcov(text: string, options: CoverageParseOptions): ParsedCoverage {
  const parser = new LcovParser(options)
  parser.write(text)
  return parser.end()
}

// ---------------------------------------------------------------------------------------------
// Istanbul JSON (coverage-final.json)

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

    const fnMap = own(entry, 'fnMap')
    const functionCounts = own(entry, 'f')
    if (isObject(fnMap) && isObject(functionCounts)) {
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
    } else if (fnMap !== undefined || functionCounts !== undefined) bad++

    const branchMap = own(entry, 'branchMap')
    const branchCounts = own(entry, 'b')
    if (isObject(branchMap) && isObject(branchCounts)) {
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
    } else if (branchMap !== undefined || branchCounts !== undefined) bad++

    if (bad > 0) {
      report.warn(
        `${where}: ${bad} statement, function or branch entr${bad === 1 ? 'y is' : 'ies are'} malformed (missing location or a count that is not a whole number ≥ 0); skipped`,
      )
    }
    report.add(report.locate(rawPath), file, 'sum', where)
  }
}

/** Parses Istanbul `coverage-final.json`. See `IstanbulParser`. */
export function parseIstanbulJson(text: string, options: CoverageParseOptions): ParsedCoverage {
  const parser = new IstanbulParser(options)
  parser.write(text)
  return parser.end()
}

// ---------------------------------------------------------------------------------------------
// Cobertura XML

interface ClassFrame {
  readonly filename: string
  readonly file: MutableFile
}

interface MethodFrame {
  readonly name: string
  readonly hits: number | undefined
  first: { line: number; hits: number } | undefined
}

const MAX_TAG_CHARS = 1 << 20
const MAX_DOCTYPE_CHARS = 1 << 16
const MAX_SOURCE_CHARS = 4096
/** More outcomes than any real line has; a larger `(n/m)` is corrupt. */
const MAX_CONDITIONS = 10_000

/**
 * Streaming Cobertura reader (coverage.py, istanbul, gocover-cobertura, JaCoCo conversions),
 * built like the JUnit tokenizer: a small purpose-built scanner, not a general XML parser. It
 * never expands entities beyond the predefined five and character references, never fetches
 * anything, and throws `CoverageFormatError` for any DTD content that could declare entities
 * (an internal subset `[...]`, `<!ENTITY>`). A bare external DOCTYPE
 * (`<!DOCTYPE coverage SYSTEM "http://cobertura…/coverage-04.dtd">`, which istanbul and
 * gocover-cobertura write) declares nothing and is ignored, unfetched.
 *
 * Line coverage is each class's `<lines>` (method lines only locate functions); branches come
 * from `condition-coverage="50% (1/2)"`, the only per-line branch data the format has, as
 * outcomes 0..total-1 of which the first `covered` are taken once. Relative file names are
 * resolved against the first `<source>` inside the repository. Classes are kept as they
 * complete: a truncated or malformed document keeps its complete classes with a warning.
 */
export class CoberturaParser implements CoverageParser {
  private readonly report: ReportBuilder
  private buffer = ''
  /** Characters consumed before `buffer`. */
  private offset = 0
  /** Where the token being read starts, for messages. */
  private at = 0
  private mode: 'markup' | 'comment' | 'cdata' | 'pi' = 'markup'
  private readonly elements: string[] = []
  private rootSeen = false
  private rootClosed = false
  private doctypeSeen = false
  private broken: string | undefined
  private sourceText: string | undefined
  private readonly sources: string[] = []
  private base: string | undefined
  private currentClass: ClassFrame | undefined
  private currentMethod: MethodFrame | undefined
  private ignoredClasses = 0
  private ignoredMethods = 0
  private classesKept = 0
  private badLines = 0

  constructor(options: CoverageParseOptions) {
    this.report = new ReportBuilder('cobertura', options.source ?? 'cobertura.xml', options.roots)
  }

  write(chunk: string): void {
    if (this.broken !== undefined) return
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk
    this.consume()
  }

  end(): ParsedCoverage {
    const source = this.report.source
    if (!this.rootSeen) {
      throw new CoverageFormatError(`${source}: no <coverage> element (empty or not Cobertura XML)`)
    }
    if (this.broken !== undefined) {
      this.report.warn(
        `${source}: ${this.broken}; kept the ${this.classesKept} complete class(es) before it`,
      )
    } else if (!this.rootClosed) {
      this.report.warn(
        `${source}: the document ends before </coverage> (truncated?); kept the ${this.classesKept} complete class(es)`,
      )
    }
    if (this.badLines > 0) {
      this.report.warn(
        `${source}: ${this.badLines} <line> element(s) without a valid number or a whole hits count ≥ 0 were skipped`,
      )
    }
    return this.report.finish()
  }

  private reject(message: string): never {
    throw new CoverageFormatError(`${this.report.source}: ${message} (at character ${this.at})`)
  }

  /** A structural error after the root began: stop reading and keep what is complete. */
  private stop(message: string): void {
    this.broken = `malformed XML at character ${this.at} (${message})`
    this.buffer = ''
  }

  private consume(): void {
    const buffer = this.buffer
    const length = buffer.length
    let position = 0
    while (position < length && this.broken === undefined) {
      if (this.mode !== 'markup') {
        const terminator = this.mode === 'comment' ? '-->' : this.mode === 'cdata' ? ']]>' : '?>'
        const end = buffer.indexOf(terminator, position)
        if (end < 0) {
          // Keep only what could be the start of the terminator.
          position = Math.max(position, length - (terminator.length - 1))
          break
        }
        position = end + terminator.length
        this.mode = 'markup'
        continue
      }
      const lt = buffer.indexOf('<', position)
      const textEnd = lt < 0 ? length : lt
      if (textEnd > position) {
        this.text(buffer.slice(position, textEnd))
        position = textEnd
      }
      if (lt < 0 || length - lt < 2) break
      this.at = this.offset + lt
      position = lt
      const second = buffer[lt + 1]
      if (second === '!') {
        if (buffer.startsWith('<!--', lt)) {
          position = lt + 4
          this.mode = 'comment'
          continue
        }
        // Room for '<![CDATA[' and '<!DOCTYPE'.
        if (length - lt < 9) break
        if (buffer.startsWith('<![CDATA[', lt)) {
          position = lt + 9
          this.mode = 'cdata'
          continue
        }
        if (buffer.startsWith('<!DOCTYPE', lt)) {
          const end = this.doctypeEnd(buffer, lt)
          if (end < 0) break
          position = end + 1
          continue
        }
        this.reject(
          'DTD declarations (<!ENTITY>, <!ELEMENT>, …) are not allowed in a coverage report',
        )
      }
      if (second === '?') {
        position = lt + 2
        this.mode = 'pi'
        continue
      }
      const end = this.tagEnd(buffer, lt)
      if (end < 0) break
      this.tag(buffer.slice(lt, end + 1))
      position = end + 1
    }
    if (this.broken === undefined) {
      this.offset += position
      this.buffer = buffer.slice(position)
    }
  }

  private text(text: string): void {
    if (this.sourceText !== undefined) {
      if (this.sourceText.length < MAX_SOURCE_CHARS) this.sourceText += decodeEntities(text)
      return
    }
    if (this.elements.length === 0 && !this.rootClosed && /\S/.test(text.replace(/^\uFEFF/, ''))) {
      this.reject(`text before the root element: ${quote(text.trim().slice(0, 40))}`)
    }
  }

  /** Accepts an external-identifier-only DOCTYPE; rejects an internal subset. */
  private doctypeEnd(buffer: string, lt: number): number {
    if (this.rootSeen || this.doctypeSeen) this.reject('a DOCTYPE after the document began')
    let quoteChar = ''
    for (let i = lt + 9; i < buffer.length; i++) {
      const c = buffer[i]
      if (quoteChar !== '') {
        if (c === quoteChar) quoteChar = ''
      } else if (c === '"' || c === "'") quoteChar = c
      else if (c === '[') {
        this.reject('a DOCTYPE with an internal subset (entity declarations) is not allowed')
      } else if (c === '>') {
        this.doctypeSeen = true
        return i
      }
    }
    if (buffer.length - lt > MAX_DOCTYPE_CHARS) this.reject('a DOCTYPE longer than 64 KiB')
    return -1
  }

  /** Index of the `>` that closes the tag at `lt`, honouring quotes; -1 when incomplete. */
  private tagEnd(buffer: string, lt: number): number {
    let quoteChar = ''
    for (let i = lt + 1; i < buffer.length; i++) {
      const c = buffer[i]
      if (quoteChar !== '') {
        if (c === quoteChar) quoteChar = ''
      } else if (c === '"' || c === "'") quoteChar = c
      else if (c === '>') return i
      else if (c === '<') {
        if (!this.rootSeen) this.reject('"<" inside a tag')
        this.stop('"<" inside a tag')
        return -1
      }
    }
    if (buffer.length - lt > MAX_TAG_CHARS) {
      if (!this.rootSeen) this.reject('a tag longer than 1 MiB')
      this.stop('a tag longer than 1 MiB')
    }
    return -1
  }

  private tag(tag: string): void {
    if (tag[1] === '/') {
      const name = tag.slice(2, -1).trim()
      const open = this.elements.pop()
      if (open !== name) {
        this.stop(`</${name}> closes <${open ?? 'nothing'}>`)
        return
      }
      this.close(name)
      if (this.elements.length === 0) this.rootClosed = true
      return
    }
    const name = /^<([^\s/>]+)/.exec(tag)?.[1]
    if (name === undefined) {
      if (!this.rootSeen) this.reject(`malformed tag ${quote(tag.slice(0, 40))}`)
      this.stop(`malformed tag ${quote(tag.slice(0, 40))}`)
      return
    }
    if (this.elements.length === 0) {
      if (this.rootClosed) {
        this.stop('a second root element follows the first')
        return
      }
      if (name !== 'coverage') {
        this.reject(`the root element is <${name}>, not Cobertura's <coverage>`)
      }
      this.rootSeen = true
    }
    const parent = this.elements[this.elements.length - 1]
    this.open(name, tag, parent)
    if (tag.endsWith('/>')) {
      this.close(name)
      if (this.elements.length === 0) this.rootClosed = true
    } else this.elements.push(name)
  }

  private open(name: string, tag: string, parent: string | undefined): void {
    switch (name) {
      case 'source':
        if (parent === 'sources') this.sourceText = ''
        return
      case 'class': {
        if (this.currentClass) {
          this.ignoredClasses++
          return
        }
        const filename = parseAttributes(tag).get('filename')
        if (filename === undefined || filename === '') {
          this.report.warn(`${this.report.source}: a <class> without a filename attribute; skipped`)
          this.ignoredClasses++
          return
        }
        this.currentClass = { filename, file: emptyFile() }
        return
      }
      case 'method': {
        if (!this.currentClass || this.currentMethod) {
          this.ignoredMethods++
          return
        }
        const attributes = parseAttributes(tag)
        this.currentMethod = {
          name: cleanName(attributes.get('name') ?? '(anonymous)'),
          hits: parseCount(attributes.get('hits')),
          first: undefined,
        }
        return
      }
      case 'line':
        this.lineElement(tag, parent)
        return
      default:
        return
    }
  }

  private lineElement(tag: string, parent: string | undefined): void {
    const frame = this.currentClass
    if (!frame || parent !== 'lines') return
    const attributes = parseAttributes(tag)
    const line = parseLineNumber(attributes.get('number'))
    const hits = parseCount(attributes.get('hits'))
    if (line === undefined || hits === undefined) {
      this.badLines++
      return
    }
    const method = this.currentMethod
    if (method) {
      method.first ??= { line, hits }
      return
    }
    frame.file.lines.set(line, Math.max(frame.file.lines.get(line) ?? 0, hits))
    if (attributes.get('branch') !== 'true') return
    const condition = /\((\d+)\/(\d+)\)/.exec(attributes.get('condition-coverage') ?? '')
    if (!condition) return
    const total = Math.min(Number(condition[2]), MAX_CONDITIONS)
    const covered = Math.min(Number(condition[1]), total)
    for (let index = 0; index < total; index++) {
      const branch = String(index)
      const key = branchKey(line, '0', branch)
      const taken = index < covered ? 1 : 0
      const previous = frame.file.branches.get(key)
      if (!previous) frame.file.branches.set(key, { line, block: '0', branch, taken })
      else previous.taken = Math.max(previous.taken, taken)
    }
  }

  private close(name: string): void {
    switch (name) {
      case 'source':
        if (this.sourceText !== undefined) this.sources.push(this.sourceText)
        this.sourceText = undefined
        return
      case 'method': {
        if (this.ignoredMethods > 0) {
          this.ignoredMethods--
          return
        }
        const method = this.currentMethod
        const frame = this.currentClass
        this.currentMethod = undefined
        if (!method || !frame) return
        if (!method.first) {
          this.report.warn(
            `${this.report.source}: method ${quote(method.name)} in ${quote(frame.filename)} has no line; skipped`,
          )
          return
        }
        const { line } = method.first
        frame.file.functions.set(uniqueName(frame.file.functions, method.name, line), {
          line,
          hits: method.hits ?? method.first.hits,
        })
        return
      }
      case 'class': {
        if (this.ignoredClasses > 0) {
          this.ignoredClasses--
          return
        }
        const frame = this.currentClass
        this.currentClass = undefined
        if (!frame) return
        this.classesKept++
        this.report.add(
          this.resolve(frame.filename),
          frame.file,
          'max',
          `${this.report.source}: class ${quote(frame.filename)}`,
        )
        return
      }
      default:
        return
    }
  }

  /** A class's file name, relative to the chosen `<source>` unless it is absolute. */
  private resolve(filename: string): CoveragePath {
    if (/^(?:[\\/]|[A-Za-z]:[\\/]|file:)/i.test(filename)) return this.report.locate(filename)
    const base = this.chooseBase()
    return this.report.locate(base === '.' ? filename : `${base}/${filename}`)
  }

  private chooseBase(): string {
    if (this.base !== undefined) return this.base
    const inside: string[] = []
    for (const source of this.sources) {
      const located = locateDirectory(source, this.report.roots)
      if (located.kind === 'repo' && !inside.includes(located.path)) inside.push(located.path)
    }
    const base = inside[0]
    if (base === undefined) {
      if (this.sources.length > 0) {
        this.report.warn(
          `${this.report.source}: no <source> is inside the workspace (${listSome(this.sources.map(quote), 3)}); class file names are taken as repo-relative`,
        )
      }
      this.base = '.'
    } else {
      if (inside.length > 1) {
        this.report.warn(
          `${this.report.source}: several <source> directories (${listSome(inside.map(quote), 3)}); class file names are resolved against the first`,
        )
      }
      this.base = base
    }
    return this.base
  }
}

/** Parses a Cobertura XML report. See `CoberturaParser`. */
export function parseCobertura(text: string, options: CoverageParseOptions): ParsedCoverage {
  const parser = new CoberturaParser(options)
  parser.write(text)
  return parser.end()
}

// ---------------------------------------------------------------------------------------------
// Go cover profiles

const GO_BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/
/** A block claiming more lines than this is corrupt (and would cost a loop per line). */
const MAX_GO_BLOCK_LINES = 100_000

interface GoBlock {
  readonly startLine: number
  readonly endLine: number
  readonly statements: number
  count: number
}

/**
 * Streaming `go test -coverprofile` parser (`mode: set|count|atomic`, then
 * `file:startLine.startCol,endLine.endCol numStmts count`). A block repeated in the profile
 * (several test binaries covering one package with `-coverpkg`) is summed, or OR-ed in `set`
 * mode, as Go's own profile reader does. Lines: every line of a block with statements gets the
 * block's count, the largest when blocks share a line. Files are import paths: `goModule` is
 * stripped to give the repo path; other import paths are kept as they are.
 */
export class GoCoverParser implements CoverageParser {
  private readonly report: ReportBuilder
  private readonly lines: LineSplitter
  private mode: string | undefined
  private readonly blocks = new Map<string, Map<string, GoBlock>>()
  private badLines = 0
  private firstBad: number | undefined

  constructor(private readonly options: CoverageParseOptions) {
    this.report = new ReportBuilder('go', options.source ?? 'coverprofile', options.roots)
    this.lines = new LineSplitter(
      (text, start, end, n) => this.line(text.slice(start, end), n),
      (n) => this.report.warn(`${this.report.source}:${n}: a line longer than 1 MiB is skipped`),
    )
  }

  write(chunk: string): void {
    this.lines.write(chunk)
  }

  private line(line: string, n: number): void {
    if (line.trim() === '') return
    const mode = /^mode:\s*(\S+)\s*$/.exec(line)?.[1]
    if (mode !== undefined) {
      if (this.mode === undefined) this.mode = mode
      else if (mode !== this.mode) {
        this.report.warn(
          `${this.report.source}:${n}: mode ${mode} after mode ${this.mode}; counts are combined as ${this.mode}`,
        )
      }
      return
    }
    if (this.mode === undefined) {
      throw new CoverageFormatError(
        `${this.report.source}:${n}: a Go cover profile starts with "mode: set|count|atomic"`,
      )
    }
    const match = GO_BLOCK.exec(line)
    const startLine = parseLineNumber(match?.[2])
    const endLine = parseLineNumber(match?.[4])
    const statements = parseCount(match?.[6])
    const count = parseCount(match?.[7])
    if (
      !match?.[1] ||
      startLine === undefined ||
      endLine === undefined ||
      statements === undefined ||
      count === undefined ||
      endLine < startLine ||
      endLine - startLine > MAX_GO_BLOCK_LINES
    ) {
      this.badLines++
      this.firstBad ??= n
      return
    }
    const key = `${match[2]}.${match[3]},${match[4]}.${match[5]}`
    let blocks = this.blocks.get(match[1])
    if (!blocks) {
      blocks = new Map()
      this.blocks.set(match[1], blocks)
    }
    const previous = blocks.get(key)
    if (!previous) blocks.set(key, { startLine, endLine, statements, count })
    else if (this.mode === 'set') previous.count = Math.max(previous.count, count)
    else previous.count = addCounts(previous.count, count)
  }

  end(): ParsedCoverage {
    this.lines.end()
    if (this.mode === undefined) {
      throw new CoverageFormatError(`${this.report.source}: empty (no "mode:" line)`)
    }
    if (this.badLines > 0) {
      this.report.warn(
        `${this.report.source}:${this.firstBad ?? 0}: ${this.badLines} line(s) are not "file:line.col,line.col statements count" blocks; skipped`,
      )
    }
    for (const [importPath, blocks] of this.blocks) {
      const file = emptyFile()
      for (const block of blocks.values()) {
        if (block.statements === 0) continue
        for (let line = block.startLine; line <= block.endLine; line++) {
          file.lines.set(line, Math.max(file.lines.get(line) ?? 0, block.count))
        }
      }
      this.report.add(
        this.locateImport(importPath),
        file,
        'sum',
        `${this.report.source}: ${quote(importPath)}`,
      )
    }
    this.blocks.clear()
    return this.report.finish()
  }

  private locateImport(importPath: string): CoveragePath {
    const module = this.options.goModule?.replace(/\/+$/, '')
    if (module !== undefined && module !== '' && importPath.startsWith(`${module}/`)) {
      return this.report.locate(importPath.slice(module.length + 1))
    }
    // Outside module mode, go writes `_` followed by the absolute directory.
    if (/^_[\\/]/.test(importPath)) return this.report.locate(importPath.slice(1))
    return this.report.locate(importPath)
  }
}

/** Parses a Go cover profile. See `GoCoverParser`. */
export function parseGoCoverProfile(text: string, options: CoverageParseOptions): ParsedCoverage {
  const parser = new GoCoverParser(options)
  parser.write(text)
  return parser.end()
}

// ---------------------------------------------------------------------------------------------
// Detection

/**
 * Tells the coverage format from the first few KiB of a file, or `undefined` for none
 * (JUnit XML, timings JSON, Clover XML…). A Cobertura DOCTYPE counts as Cobertura so that a
 * hostile one is rejected by the parser with a reason rather than ignored as "unknown".
 */
export function detectCoverageFormat(head: string): CoverageFormat | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart()
  if (text.startsWith('<')) {
    const withoutComments = text.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    const root = /<([A-Za-z_][\w.:-]*)/.exec(withoutComments.replace(/<[?!][^>]*>?/g, ''))
    if (root?.[1] === 'coverage') {
      return /<coverage\b[^>]*\bclover\s*=/.test(withoutComments) ? undefined : 'cobertura'
    }
    if (root === null && /<!DOCTYPE\s+coverage\b/.test(withoutComments)) return 'cobertura'
    return undefined
  }
  if (text.startsWith('{')) {
    // Jest's `--json` results hold a `coverageMap` when run with `--coverage`: that run's
    // coverage is read from its coverage directory, never a second time from here.
    if (
      /^\{\s*"(?:num(?:Failed|Passed|Pending|Total|RuntimeError)\w*|testResults)"\s*:/.test(text)
    ) {
      return undefined
    }
    if (/"(?:statementMap|fnMap|branchMap)"\s*:/.test(text) || /^\{\s*\}\s*$/.test(text)) {
      return 'istanbul'
    }
    return undefined
  }
  const first = text.split('\n', 1)[0]?.replace(/\r$/, '') ?? ''
  if (/^mode:\s*(?:set|count|atomic)\s*$/.test(first)) return 'go'
  if (/^(?:TN|SF|VER|FN|FNDA|DA|BRDA):/.test(first)) return 'lcov'
  return undefined
}

/** A parser for a format, ready to be fed chunks. */
export function createCoverageParser(
  format: CoverageFormat,
  options: CoverageParseOptions,
): CoverageParser {
  switch (format) {
    case 'lcov':
      return new LcovParser(options)
    case 'istanbul':
      return new IstanbulParser(options)
    case 'cobertura':
      return new CoberturaParser(options)
    case 'go':
      return new GoCoverParser(options)
  }
}

export const SUPPORTED_COVERAGE_FORMATS =
  'lcov, Istanbul JSON (coverage-final.json), Cobertura XML, Go cover profiles'

/**
 * Detects the format and parses a whole report. Throws `CoverageFormatError` for content of no
 * supported format or unusable as a whole; partial problems are warnings in the result.
 */
export function parseCoverage(text: string, options: CoverageParseOptions): ParsedCoverage {
  const source = options.source ?? 'coverage'
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new CoverageFormatError(`${source}: the file is empty`)
  }
  const format = detectCoverageFormat(text.slice(0, 65536))
  if (format === undefined) {
    throw new CoverageFormatError(
      `${source}: not a coverage report of a known format (${SUPPORTED_COVERAGE_FORMATS})`,
    )
  }
  const parser = createCoverageParser(format, options)
  parser.write(text)
  return parser.end()
}

// ---------------------------------------------------------------------------------------------
// Summaries and the threshold

export interface CoverageCounts {
  readonly found: number
  readonly hit: number
}

export interface CoverageSummary {
  readonly lines: CoverageCounts
  readonly branches: CoverageCounts
  readonly functions: CoverageCounts
  /** Lines hit / lines found × 100, unrounded; `undefined` when no line is instrumented. */
  readonly percent: number | undefined
}

export interface CoverageTotals {
  /** Per file, sorted by path. */
  readonly files: ReadonlyMap<string, CoverageSummary>
  readonly total: CoverageSummary
}

function percentOf(hit: number, found: number): number | undefined {
  return found === 0 ? undefined : (hit * 100) / found
}

function countHit(values: Iterable<number>): number {
  let hit = 0
  for (const value of values) if (value > 0) hit++
  return hit
}

export function summarizeFile(file: FileCoverage): CoverageSummary {
  const linesHit = countHit(file.lines.values())
  let branchesHit = 0
  for (const outcome of file.branches.values()) if (outcome.taken > 0) branchesHit++
  let functionsHit = 0
  for (const fn of file.functions.values()) if (fn.hits > 0) functionsHit++
  return {
    lines: { found: file.lines.size, hit: linesHit },
    branches: { found: file.branches.size, hit: branchesHit },
    functions: { found: file.functions.size, hit: functionsHit },
    percent: percentOf(linesHit, file.lines.size),
  }
}

/** Per-file and total counts of a model; the total is the sum over files. */
export function summarizeCoverage(model: CoverageModel): CoverageTotals {
  const files = new Map<string, CoverageSummary>()
  const lines = { found: 0, hit: 0 }
  const branches = { found: 0, hit: 0 }
  const functions = { found: 0, hit: 0 }
  const add = (into: { found: number; hit: number }, counts: CoverageCounts): void => {
    into.found += counts.found
    into.hit += counts.hit
  }
  for (const path of [...model.keys()].sort(compareStrings)) {
    const file = model.get(path)
    if (!file) continue
    const summary = summarizeFile(file)
    files.set(path, summary)
    add(lines, summary.lines)
    add(branches, summary.branches)
    add(functions, summary.functions)
  }
  return {
    files,
    total: { lines, branches, functions, percent: percentOf(lines.hit, lines.found) },
  }
}

/**
 * A percentage for people: rounded *down* to two decimals, so 79.996% never shows as the
 * "80.00%" that a threshold of 80 then rejects.
 */
export function formatPercent(percent: number): string {
  return `${(Math.floor(percent * 100 + 1e-9) / 100).toFixed(2)}%`
}

/** `--coverage-threshold`: a number from 0 to 100, optionally with `%`. */
export function parseCoverageThreshold(raw: string, name = '--coverage-threshold'): number {
  const text = raw.trim()
  const value = /^\d+(?:\.\d+)?%?$/.test(text) ? Number(text.replace(/%$/, '')) : Number.NaN
  if (!(value >= 0 && value <= 100)) {
    throw new UsageError(`\`${name}\` must be a number from 0 to 100; got \`${raw}\`.`)
  }
  return value
}

export type ThresholdVerdict =
  | {
      readonly kind: 'passed' | 'failed'
      readonly requiredPercent: number
      readonly actualPercent: number
      readonly message: string
    }
  | { readonly kind: 'no-data'; readonly requiredPercent: number; readonly message: string }

/**
 * Checks the merged total's line coverage against `percent` (exactly: `hit × 100 ≥ percent ×
 * found`, no rounding). `no-data` — nothing instrumented — is a failure for the caller too: a
 * threshold the user asked for must not pass because coverage went missing.
 */
export function checkThreshold(total: CoverageSummary, percent: number): ThresholdVerdict {
  const { found, hit } = total.lines
  if (found === 0) {
    return {
      kind: 'no-data',
      requiredPercent: percent,
      message: `No instrumented lines were found, so the coverage threshold of ${percent}% cannot be met. Check that the shards uploaded their coverage reports.`,
    }
  }
  const actualPercent = (hit * 100) / found
  const passed = hit * 100 >= percent * found
  return {
    kind: passed ? 'passed' : 'failed',
    requiredPercent: percent,
    actualPercent,
    message: `Line coverage ${formatPercent(actualPercent)} (${hit} of ${found} lines) is ${passed ? 'at or above' : 'below'} the threshold of ${percent}%.`,
  }
}

// ---------------------------------------------------------------------------------------------
// Writers

function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b) || compareStrings(a, b)
  return compareStrings(a, b)
}

function sortedBranches(file: FileCoverage): BranchCoverage[] {
  return [...file.branches.values()].sort(
    (x, y) => x.line - y.line || compareIds(x.block, y.block) || compareIds(x.branch, y.branch),
  )
}

function sortedFunctions(file: FileCoverage): [string, FunctionCoverage][] {
  return [...file.functions].sort(([a, x], [b, y]) => x.line - y.line || compareStrings(a, b))
}

function sortedLines(file: FileCoverage): [number, number][] {
  return [...file.lines].sort(([a], [b]) => a - b)
}

/** Paths that lcov or XML cannot carry (a line break) are left out of the writers' output. */
function writablePaths(model: CoverageModel): string[] {
  return [...model.keys()]
    .filter((path) => !/[\r\n]/.test(path) && !path.includes('\0'))
    .sort(compareStrings)
}

/**
 * One lcov record per file (sorted by path; functions, branches and lines sorted), for writing
 * a large merge without building one giant string. Counts are written as numbers (never `-`).
 */
export function* renderLcovRecords(model: CoverageModel): Generator<string> {
  for (const path of writablePaths(model)) {
    const file = model.get(path)
    if (!file) continue
    const out: string[] = ['TN:', `SF:${path}`]
    const functions = sortedFunctions(file)
    for (const [name, fn] of functions) out.push(`FN:${fn.line},${cleanName(name)}`)
    for (const [name, fn] of functions) out.push(`FNDA:${fn.hits},${cleanName(name)}`)
    const summary = summarizeFile(file)
    out.push(`FNF:${summary.functions.found}`, `FNH:${summary.functions.hit}`)
    for (const outcome of sortedBranches(file)) {
      out.push(`BRDA:${outcome.line},${outcome.block},${outcome.branch},${outcome.taken}`)
    }
    out.push(`BRF:${summary.branches.found}`, `BRH:${summary.branches.hit}`)
    for (const [line, hits] of sortedLines(file)) out.push(`DA:${line},${hits}`)
    out.push(`LF:${summary.lines.found}`, `LH:${summary.lines.hit}`, 'end_of_record', '')
    yield out.join('\n')
  }
}

/** The model as an lcov tracefile; deterministic for equal models. */
export function renderLcov(model: CoverageModel): string {
  return [...renderLcovRecords(model)].join('')
}

const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry these even as references
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** An attribute value: markup escaped, white space kept by reference, illegal characters as U+FFFD. */
function xmlAttribute(value: string): string {
  return value.replace(XML_INVALID, '\ufffd').replace(/[&<>"'\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;'
      case '<':
        return '&lt;'
      case '>':
        return '&gt;'
      case '"':
        return '&quot;'
      case "'":
        return '&apos;'
      default:
        return `&#${c.charCodeAt(0)};`
    }
  })
}

function xmlText(value: string): string {
  return value
    .replace(XML_INVALID, '\ufffd')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

function rate(counts: CoverageCounts): string {
  return counts.found === 0 ? '1' : String(Math.round((counts.hit / counts.found) * 10000) / 10000)
}

export interface CoberturaOptions {
  /** `<source>` directories that file names are relative to; default `.` (the repository). */
  readonly sources?: readonly string[]
  /** Written as `timestamp`; default 0 so that equal models give identical output. */
  readonly timestampMs?: number
}

function conditionCoverage(outcomes: readonly BranchCoverage[]): string {
  const covered = outcomes.filter((outcome) => outcome.taken > 0).length
  const total = outcomes.length
  return `${Math.floor((covered * 100) / total)}% (${covered}/${total})`
}

/**
 * The model as Cobertura XML: one `<package>` per directory, one `<class>` per file (name = the
 * base name, `filename` = the repo path), methods from functions, lines with
 * `condition-coverage` from the branch outcomes on that line. Branch outcomes on a line that is
 * not instrumented cannot be expressed in Cobertura and are left out. Deterministic.
 */
export function renderCobertura(model: CoverageModel, options: CoberturaOptions = {}): string {
  const paths = writablePaths(model)
  const packages = new Map<string, string[]>()
  for (const path of paths) {
    const slash = path.lastIndexOf('/')
    const directory = slash < 0 ? '.' : path.slice(0, slash)
    const list = packages.get(directory)
    if (list) list.push(path)
    else packages.set(directory, [path])
  }
  const summarize = (list: readonly string[]): CoverageTotals => {
    const subset = new Map<string, FileCoverage>()
    for (const path of list) {
      const file = model.get(path)
      if (file) subset.set(path, file)
    }
    return summarizeCoverage(subset)
  }
  const { total } = summarize(paths)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<coverage line-rate="${rate(total.lines)}" branch-rate="${rate(total.branches)}" lines-covered="${total.lines.hit}" lines-valid="${total.lines.found}" branches-covered="${total.branches.hit}" branches-valid="${total.branches.found}" complexity="0" version="shardwise" timestamp="${Math.trunc(options.timestampMs ?? 0)}">`,
    '  <sources>',
    ...(options.sources ?? ['.']).map((source) => `    <source>${xmlText(source)}</source>`),
    '  </sources>',
    '  <packages>',
  ]
  for (const directory of [...packages.keys()].sort(compareStrings)) {
    const list = packages.get(directory) ?? []
    const packageTotals = summarize(list)
    out.push(
      `    <package name="${xmlAttribute(directory)}" line-rate="${rate(packageTotals.total.lines)}" branch-rate="${rate(packageTotals.total.branches)}" complexity="0">`,
      '      <classes>',
    )
    for (const path of list) {
      const file = model.get(path)
      const summary = packageTotals.files.get(path)
      if (!file || !summary) continue
      const name = path.slice(path.lastIndexOf('/') + 1)
      out.push(
        `        <class name="${xmlAttribute(name)}" filename="${xmlAttribute(path)}" line-rate="${rate(summary.lines)}" branch-rate="${rate(summary.branches)}" complexity="0">`,
        '          <methods>',
      )
      for (const [fnName, fn] of sortedFunctions(file)) {
        out.push(
          `            <method name="${xmlAttribute(fnName)}" signature="" line-rate="${fn.hits > 0 ? 1 : 0}" branch-rate="1" complexity="0">`,
          `              <lines><line number="${fn.line}" hits="${fn.hits}" branch="false"/></lines>`,
          '            </method>',
        )
      }
      out.push('          </methods>', '          <lines>')
      const byLine = new Map<number, BranchCoverage[]>()
      for (const outcome of file.branches.values()) {
        const list = byLine.get(outcome.line)
        if (list) list.push(outcome)
        else byLine.set(outcome.line, [outcome])
      }
      for (const [line, hits] of sortedLines(file)) {
        const outcomes = byLine.get(line)
        out.push(
          outcomes
            ? `            <line number="${line}" hits="${hits}" branch="true" condition-coverage="${conditionCoverage(outcomes)}"/>`
            : `            <line number="${line}" hits="${hits}" branch="false"/>`,
        )
      }
      out.push('          </lines>', '        </class>')
    }
    out.push('      </classes>', '    </package>')
  }
  out.push('  </packages>', '</coverage>', '')
  return out.join('\n')
}

// ---------------------------------------------------------------------------------------------
// Diff coverage

export interface UnifiedDiffOptions {
  /** The new side's path prefix (`git diff` default `b/`; `''` for `--no-prefix`). */
  readonly prefix?: string
}

function decodeUtf8(bytes: readonly number[]): string {
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes))
}

const C_ESCAPES: ReadonlyMap<string, number> = new Map([
  ['a', 7],
  ['b', 8],
  ['t', 9],
  ['n', 10],
  ['v', 11],
  ['f', 12],
  ['r', 13],
  ['"', 34],
  ['\\', 92],
])

/** Git's C-style quoting (`"caf\303\251 x.txt"`): octal escapes are UTF-8 bytes. */
function unquoteGitPath(quoted: string): string | undefined {
  const bytes: number[] = []
  const encoder = new TextEncoder()
  let i = 1
  while (i < quoted.length) {
    const c = quoted[i] ?? ''
    if (c === '"') return decodeUtf8(bytes)
    if (c === '\\') {
      const octal = /^[0-7]{1,3}/.exec(quoted.slice(i + 1, i + 4))?.[0]
      if (octal !== undefined) {
        bytes.push(parseInt(octal, 8) & 0xff)
        i += 1 + octal.length
        continue
      }
      const escaped = C_ESCAPES.get(quoted[i + 1] ?? '')
      if (escaped === undefined) return undefined
      bytes.push(escaped)
      i += 2
      continue
    }
    const codePoint = quoted.codePointAt(i) ?? 0
    const char = String.fromCodePoint(codePoint)
    bytes.push(...encoder.encode(char))
    i += char.length
  }
  return undefined
}

/** The path of a `+++ ` line, or `undefined` for `/dev/null` (a deleted file). */
function diffPath(raw: string, prefix: string): string | undefined {
  let path: string | undefined
  if (raw.startsWith('"')) path = unquoteGitPath(raw)
  else {
    // git appends a tab to names containing a space; GNU diff puts a timestamp after a tab.
    const tab = raw.indexOf('\t')
    path = tab < 0 ? raw : raw.slice(0, tab)
  }
  if (path === undefined || path === '/dev/null') return undefined
  if (prefix !== '' && path.startsWith(prefix)) path = path.slice(prefix.length)
  const id = normalizeFileId(path)
  return id === '.' ? undefined : id
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/**
 * The added lines of each file in a unified diff (`git diff --unified=0 base...head`; any
 * context size works): new path → new-side line numbers. Renames take the new name, deleted
 * files and pure renames contribute nothing, quoted paths (spaces, Unicode, as git prints them)
 * are unquoted, and paths are NFC like the coverage model's. Hunk bodies are read by their
 * header's counts, so an added line that itself starts with `++` is never taken for a header.
 */
export function parseUnifiedDiff(
  text: string,
  options: UnifiedDiffOptions = {},
): Map<string, Set<number>> {
  const prefix = options.prefix ?? 'b/'
  const changed = new Map<string, Set<number>>()
  let file: string | undefined
  let oldLeft = 0
  let newLeft = 0
  let newLine = 0
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (oldLeft > 0 || newLeft > 0) {
      const c = line[0]
      if (c === '+' && newLeft > 0) {
        if (file !== undefined) {
          const lines = changed.get(file)
          if (lines) lines.add(newLine)
          else changed.set(file, new Set([newLine]))
        }
        newLine++
        newLeft--
        continue
      }
      if (c === '-' && oldLeft > 0) {
        oldLeft--
        continue
      }
      if ((c === ' ' || line === '') && oldLeft > 0 && newLeft > 0) {
        newLine++
        newLeft--
        oldLeft--
        continue
      }
      if (c === '\\') continue // "\ No newline at end of file"
      // The hunk is shorter than its header said: read this line as a header.
      oldLeft = 0
      newLeft = 0
    }
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ')) {
      file = undefined
      continue
    }
    if (line.startsWith('+++ ')) {
      file = diffPath(line.slice(4), prefix)
      continue
    }
    const hunk = HUNK.exec(line)
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1])
      newLine = Number(hunk[2])
      newLeft = hunk[3] === undefined ? 1 : Number(hunk[3])
    }
  }
  return changed
}

export interface DiffFileCoverage {
  readonly file: string
  /** Added lines in the diff. */
  readonly changedLines: number
  /** Of those, the lines the coverage model instruments. */
  readonly instrumented: number
  readonly hit: number
  /** Instrumented changed lines with no hits, ascending. */
  readonly missedLines: readonly number[]
}

export interface DiffCoverage {
  /** Changed files that are in the coverage model, sorted by path. */
  readonly files: readonly DiffFileCoverage[]
  readonly total: {
    readonly changedLines: number
    readonly instrumented: number
    readonly hit: number
    /** `hit / instrumented × 100`; `undefined` when no changed line is instrumented. */
    readonly percent: number | undefined
  }
}

/**
 * Coverage of the changed lines: of the added lines the model instruments, how many ran.
 * Changed lines that are not instrumented (comments, files without coverage) count in
 * `changedLines` only.
 */
export function diffCoverage(
  model: CoverageModel,
  changedLines: ReadonlyMap<string, ReadonlySet<number>>,
): DiffCoverage {
  const files: DiffFileCoverage[] = []
  let changed = 0
  let instrumented = 0
  let hit = 0
  for (const path of [...changedLines.keys()].sort(compareStrings)) {
    const lines = changedLines.get(path)
    if (!lines) continue
    changed += lines.size
    const file = model.get(path)
    if (!file) continue
    let fileInstrumented = 0
    let fileHit = 0
    const missed: number[] = []
    for (const line of lines) {
      const hits = file.lines.get(line)
      if (hits === undefined) continue
      fileInstrumented++
      if (hits > 0) fileHit++
      else missed.push(line)
    }
    instrumented += fileInstrumented
    hit += fileHit
    files.push({
      file: path,
      changedLines: lines.size,
      instrumented: fileInstrumented,
      hit: fileHit,
      missedLines: missed.sort((a, b) => a - b),
    })
  }
  return {
    files,
    total: { changedLines: changed, instrumented, hit, percent: percentOf(hit, instrumented) },
  }
}
