/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  if (sorted.length % 2 === 1) return sorted[mid] ?? 0
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/**
 * One duration from several observations of the same test. Per-file durations vary by about
 * 12% between runs and rare 3× outliers happen, so with three or more observations the median
 * decides (one outlier cannot move it); with two, the mean is all there is.
 */
export function robustSeconds(values: readonly number[]): number {
  if (values.length === 0) return 0
  if (values.length <= 2) return values.reduce((a, b) => a + b, 0) / values.length
  return median(values)
}

export function sum(values: Iterable<number>): number {
  let total = 0
  for (const value of values) total += value
  return total
}
