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

/**
 * A sum that does not depend on the order of its terms: the exactly rounded sum of every value
 * added (Shewchuk's partials, as in Python's `math.fsum`). Plain `+=` rounds after each term, so
 * the same durations read in another order could sum to a different last bit, and a plan must
 * not depend on the order in which timings were read.
 */
export class ExactSum {
  /** Non-overlapping partial sums, smallest magnitude first; their exact sum is the total. */
  private readonly partials: number[] = []

  add(value: number): void {
    const partials = this.partials
    let x = value
    let kept = 0
    for (const partial of partials) {
      let y = partial
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x]
      const high = x + y
      const low = y - (high - x)
      if (low !== 0) partials[kept++] = low
      x = high
    }
    partials.length = kept
    partials.push(x)
  }

  /** The sum, rounded once. */
  value(): number {
    const partials = this.partials
    let n = partials.length
    if (n === 0) return 0
    let high = partials[--n] ?? 0
    let low = 0
    while (n > 0) {
      const x = high
      const y = partials[--n] ?? 0
      high = x + y
      low = y - (high - x)
      if (low !== 0) break
    }
    // Round half to even across the partials that were not folded in.
    const next = n > 0 ? (partials[n - 1] ?? 0) : 0
    if ((low < 0 && next < 0) || (low > 0 && next > 0)) {
      const y = low * 2
      const x = high + y
      if (y === x - high) high = x
    }
    return high
  }
}
