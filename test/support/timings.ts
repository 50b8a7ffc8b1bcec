import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { JunitCase, JunitSummary } from '../../src/core/formats/junit.js'
import type { TimingRun } from '../../src/core/types.js'

/** Absolute path of a file under test/fixtures/timings/. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/timings/${name}`, import.meta.url))
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8')
}

/** The real-world timing files, copied into the repository (see its README.md). */
export const DATASETS_DIR = fileURLToPath(new URL('../fixtures/datasets/', import.meta.url))

/** A run as plain sorted data, so two runs compare with `toEqual`. */
export function plainRun(run: TimingRun): {
  files: [string, number][]
  tests: [string, number][]
  untimed: string[]
} {
  const byKey = (a: [string, number], b: [string, number]): number =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
  return {
    files: [...run.files].sort(byKey),
    tests: [...run.tests].sort(byKey),
    untimed: [...run.untimed].sort(),
  }
}

/** The one run a parse gave; fails the test when there are none or several. */
export function onlyRun(parsed: { readonly runs: readonly TimingRun[] }): TimingRun {
  expect(parsed.runs).toHaveLength(1)
  const run = parsed.runs[0]
  if (!run) throw new Error('no run')
  return run
}

export function plainSummary(summary: JunitSummary): Record<string, unknown> {
  return {
    run: plainRun(summary.run),
    cases: summary.cases,
    statusCounts: summary.statusCounts,
    partial: summary.partial,
    warnings: summary.warnings,
  }
}

export function sum(values: Iterable<number>): number {
  let total = 0
  for (const value of values) total += value
  return total
}

/** Collects every case `onCase` reports. */
export function caseCollector(): { cases: JunitCase[]; onCase: (c: JunitCase) => void } {
  const cases: JunitCase[] = []
  return { cases, onCase: (c) => void cases.push(c) }
}
