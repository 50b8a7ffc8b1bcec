import { MIN_ESTIMATE_SECONDS, estimateDurations, type EstimateBasis } from '../estimate.js'
import { fileOfId, isTestId } from '../ids.js'
import { sum } from '../stats.js'
import type { TimingModel } from '../timings.js'

/**
 * The seconds of every planned item: its timings, or an estimate. Looked up rather than copied
 * into a map of its own, since a plan may hold a million items and nearly all are timed.
 */
export class Prices {
  /** The items without usable timings, and what each estimate was learned from. */
  readonly estimated = new Map<string, EstimateBasis>()
  private readonly estimates = new Map<string, number>()
  /** The seconds of the i-th item priced, once pricing is done. */
  readonly ofItem: Float64Array

  constructor(
    private readonly model: TimingModel,
    itemCount: number,
  ) {
    this.ofItem = new Float64Array(itemCount)
  }

  /** The seconds of a planned item. */
  of(id: string): number {
    return this.estimates.get(id) ?? this.timed(id) ?? 0
  }

  timed(id: string): number | undefined {
    // File ids never hold `::` and test ids always do, so the maps cannot both answer.
    const known = this.model.files.get(id) ?? this.model.tests.get(id)
    return known !== undefined && known > 0 ? known : undefined
  }

  estimate(id: string, seconds: number, basis: EstimateBasis): void {
    this.estimates.set(id, seconds)
    this.estimated.set(id, basis)
  }
}

/** Prices the items: their timings where they have some, estimates for the rest. */
export function priceItems(
  ids: readonly string[],
  model: TimingModel,
  sizes: ReadonlyMap<string, number> | undefined,
  defaultSeconds: number | undefined,
): Prices {
  const prices = new Prices(model, ids.length)
  const unknown: string[] = []
  // Tests seen at 0 s or skipped inside a timed file share what the file's time leaves over
  // beyond its timed tests and setup (usually next to nothing: they ran below the clock's
  // resolution). New tests, never seen, are estimated like any unknown item.
  const untimedByFile = new Map<string, string[]>()
  ids.forEach((id, i) => {
    const timed = prices.timed(id)
    if (timed !== undefined) prices.ofItem[i] = timed
    else if (isTestId(id) && model.untimed.has(id) && model.files.has(fileOfId(id))) {
      const list = untimedByFile.get(fileOfId(id)) ?? []
      list.push(id)
      untimedByFile.set(fileOfId(id), list)
    } else unknown.push(id)
  })
  for (const [file, untimed] of untimedByFile) {
    const timedTests = sum(
      (model.testsByFile.get(file) ?? []).map((id) => model.tests.get(id) ?? 0),
    )
    const residual = (model.files.get(file) ?? 0) - timedTests - (model.setupByFile.get(file) ?? 0)
    const share = Math.max(MIN_ESTIMATE_SECONDS, residual / untimed.length)
    for (const id of untimed) prices.estimate(id, share, 'same-file')
  }
  if (unknown.length > 0) {
    const known = [model.files, model.tests]
    const estimates = estimateDurations({
      known,
      unknown,
      ...(sizes === undefined ? {} : { sizes }),
      ...(defaultSeconds === undefined ? {} : { defaultSeconds }),
    })
    for (const [id, estimate] of estimates) prices.estimate(id, estimate.seconds, estimate.basis)
  }
  if (prices.estimated.size > 0) ids.forEach((id, i) => (prices.ofItem[i] = prices.of(id)))
  return prices
}
