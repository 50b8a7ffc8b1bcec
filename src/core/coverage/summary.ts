import { compareStrings, type CoverageModel, type FileCoverage } from './model.js'

/** Line, branch and function counts per file and in total, and the coverage threshold. */

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

/** `hit / found × 100`, unrounded; `undefined` when nothing was found. */
export function percentOf(hit: number, found: number): number | undefined {
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
