import { LineSplitter } from './line-splitter.js'
import {
  CoverageFormatError,
  addCounts,
  emptyFile,
  quote,
  type CoverageParseOptions,
  type CoverageParser,
  type ParsedCoverage,
} from './model.js'
import type { CoveragePath } from './paths.js'
import { ReportBuilder, parseCount, parseLineNumber } from './report-builder.js'

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
