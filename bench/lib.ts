/**
 * Small deterministic helpers for the benchmark: a seeded PRNG, a stable string hash, summary
 * statistics and plain-text tables. Nothing here reads the clock or Math.random.
 */
import type { Log } from '../src/adapters/log.js'

/** mulberry32: a tiny seeded 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Standard normal deviates from a uniform source (Box–Muller). */
export function normalFrom(uniform: () => number): () => number {
  return () => {
    const u = 1 - uniform() // (0, 1]
    const v = uniform()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
}

/** Log-normal deviates: exp(mu + sigma * N(0, 1)). */
export function logNormalFrom(uniform: () => number, mu: number, sigma: number): () => number {
  const normal = normalFrom(uniform)
  return () => Math.exp(mu + sigma * normal())
}

/** FNV-1a, 32 bits, over the UTF-16 code units of a string. Stable across runs and platforms. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  if (sorted.length % 2 === 1) return sorted[mid]!
  return (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN
  let total = 0
  for (const v of values) total += v
  return total / values.length
}

export function total(values: Iterable<number>): number {
  let sum = 0
  for (const v of values) sum += v
  return sum
}

/** A Log that prints nothing and counts what it was told. */
export interface CountingLog extends Log {
  readonly counts: { warnings: number; notices: number; infos: number }
  readonly warnings: string[]
}

export function countingLog(): CountingLog {
  const counts = { warnings: 0, notices: 0, infos: 0 }
  const warnings: string[] = []
  return {
    counts,
    warnings,
    info: () => {
      counts.infos++
    },
    warning: (message) => {
      counts.warnings++
      warnings.push(message)
    },
    notice: () => {
      counts.notices++
    },
  }
}

export type Align = 'left' | 'right'

export interface Column {
  readonly title: string
  readonly align?: Align
}

/** Renders rows under a header, columns padded to their widest cell. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) =>
    Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)),
  )
  const cell = (text: string, i: number) => {
    const width = widths[i] ?? 0
    return (columns[i]?.align ?? 'right') === 'left' ? text.padEnd(width) : text.padStart(width)
  }
  const lines = [
    columns.map((c, i) => cell(c.title, i)).join('  '),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => columns.map((_, i) => cell(r[i] ?? '', i)).join('  ')),
  ]
  return lines.map((l) => l.trimEnd()).join('\n')
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value)
}

export function section(title: string): string {
  const bar = '='.repeat(Math.max(20, title.length))
  return `\n${bar}\n${title}\n${bar}`
}

export function mib(bytes: number): number {
  return bytes / (1024 * 1024)
}

/** A short, readable dataset name from `<owner>__<repo>__<file>`. */
export function shortName(file: string): string {
  const parts = file.split('__')
  const repo = parts[1] ?? file
  const rest = parts.slice(2).join('__')
  if (rest.startsWith('knapsack_'))
    return `${repo} (${rest.replace(/^knapsack_|_report\.json$/g, '')})`
  if (rest.endsWith('-test-results.xml') || rest.endsWith('-test-report.xml')) {
    return `${repo} (${rest.replace(/-test-(results|report)\.xml$/, '')})`
  }
  return repo
}
