/**
 * Coverage models for tests: building them from plain literals, comparing them whatever their
 * map order, and generating them (fast-check).
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import {
  CoverageFormatError,
  branchKey,
  type BranchCoverage,
  type CoverageModel,
  type FileCoverage,
  type FunctionCoverage,
} from '../../src/core/coverage/model.js'

export function byKey<K extends string | number>(a: [K, unknown], b: [K, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
}

/** A model as plain sorted data, so two models compare with `toEqual` whatever their map order. */
export function plain(model: CoverageModel): unknown[] {
  return [...model].sort(byKey).map(([path, file]) => ({
    path,
    lines: [...file.lines].sort(byKey),
    branches: [...file.branches].sort(byKey),
    functions: [...file.functions].sort(byKey),
  }))
}

export function file(
  lines: Record<number, number>,
  branches: readonly [number, string, string, number][] = [],
  functions: readonly [string, number, number][] = [],
): FileCoverage {
  return {
    lines: new Map(Object.entries(lines).map(([line, hits]) => [Number(line), hits])),
    branches: new Map(
      branches.map(([line, block, branch, taken]) => [
        branchKey(line, block, branch),
        { line, block, branch, taken },
      ]),
    ),
    functions: new Map(functions.map(([name, line, hits]) => [name, { line, hits }])),
  }
}

export function linesOf(
  parsed: { readonly files: CoverageModel },
  path: string,
): [number, number][] {
  const found = parsed.files.get(path)
  if (!found)
    throw new Error(`no coverage for ${path}; have ${[...parsed.files.keys()].join(', ')}`)
  return [...found.lines].sort(byKey)
}

export function formatError(run: () => unknown): CoverageFormatError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(CoverageFormatError)
    return error as CoverageFormatError
  }
  throw new Error('expected a CoverageFormatError, but the report parsed')
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Names that break plain-object maps (THREATS E5). */
const FILE_NAMES = [
  'src/a.js',
  'src/b c.ts',
  'lib/__proto__.js',
  'constructor.js',
  '__proto__',
  'hasOwnProperty',
  'toString',
  'café/ünï.py',
]
const FUNCTION_NAMES = ['main', 'constructor', '__proto__', '(anonymous_0)', 'valueOf', 'a b']

const countArbitrary = fc.oneof(
  { weight: 10, arbitrary: fc.nat({ max: 1000 }) },
  // Near the saturation point, where float addition would stop being associative.
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER) },
)
const lineArbitrary = fc.integer({ min: 1, max: 40 })

const fileArbitrary = fc
  .record({
    lines: fc.array(fc.tuple(lineArbitrary, countArbitrary), { maxLength: 12 }),
    branches: fc.array(
      fc.tuple(
        lineArbitrary,
        fc.constantFrom('0', '1', 'e2'),
        fc.constantFrom('0', '1', '2'),
        countArbitrary,
      ),
      { maxLength: 6 },
    ),
    functions: fc.array(
      fc.tuple(fc.constantFrom(...FUNCTION_NAMES), lineArbitrary, countArbitrary),
      {
        maxLength: 4,
      },
    ),
  })
  .map(({ lines, branches, functions }): FileCoverage => ({
    lines: new Map(lines),
    branches: new Map(
      branches.map(([line, block, branch, taken]): [string, BranchCoverage] => [
        branchKey(line, block, branch),
        { line, block, branch, taken },
      ]),
    ),
    functions: new Map(
      functions.map(([name, line, hits]): [string, FunctionCoverage] => [name, { line, hits }]),
    ),
  }))

export const modelArbitrary: fc.Arbitrary<CoverageModel> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...FILE_NAMES), fileArbitrary), {
    selector: ([path]) => path,
    maxLength: 5,
  })
  .map((entries) => new Map(entries))

/** Models whose branch outcomes sit on instrumented lines, as every real report's do. */
export const consistentModelArbitrary = modelArbitrary.map(
  (model): CoverageModel =>
    new Map(
      [...model].map(([path, f]): [string, FileCoverage] => {
        const lines = new Map(f.lines)
        for (const outcome of f.branches.values()) {
          if (!lines.has(outcome.line)) lines.set(outcome.line, outcome.taken > 0 ? 1 : 0)
        }
        return [path, { ...f, lines }]
      }),
    ),
)
