import { maxInto, sumInto } from './merge.js'
import {
  MAX_COUNT,
  MAX_LINE,
  compareStrings,
  listSome,
  quote,
  type CoverageFormat,
  type FileCoverage,
  type MutableFile,
  type ParsedCoverage,
} from './model.js'
import { locatePath, sortRoots, type CoveragePath } from './paths.js'

/**
 * What the four report readers share: one report's files, outside paths and warnings
 * (`ReportBuilder`), and the strict reading of counts and line numbers.
 */

const MAX_WARNINGS = 50

/** A whole number of hits, saturated at `MAX_COUNT`; `undefined` for anything else. */
export function parseCount(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined
  const value = Number(text)
  return value > MAX_COUNT ? MAX_COUNT : value
}

/** Why `parseCount` refused `text`, for a warning. */
export function countProblem(text: string | undefined): string {
  if (text === undefined) return 'is missing'
  return /^-\d+$/.test(text.trim())
    ? `${quote(text)} is negative`
    : `${quote(text)} is not a whole number`
}

/** A line number from 1 to `MAX_LINE`; `undefined` for anything else. */
export function parseLineNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined
  const value = Number(text)
  return value >= 1 && value <= MAX_LINE ? value : undefined
}

/** Collects one report's files, outside paths and warnings (at most 50, then a count). */
export class ReportBuilder {
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
    return locatePath(raw, this.roots)
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
