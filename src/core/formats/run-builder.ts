import { acceptSeconds } from '../duration.js'
import { isTestId, normalizeId, type NormalizeOptions } from '../ids.js'
import type { FormatName, TimingRun } from '../types.js'

/**
 * Accumulates one run's durations. Within one run the same id seen twice is one test whose
 * durations add up (a parametrised test reported per case, a file reported per describe block).
 * Zero and invalid durations are counted, not stored: a 0 s entry is a skipped or rounded test,
 * and treating it as "free" wrecks the balance.
 */
export class RunBuilder {
  private readonly files = new Map<string, number>()
  private readonly tests = new Map<string, number>()
  private readonly untimed = new Set<string>()
  zeroEntries = 0
  invalidEntries = 0
  /** How many different ids were added: fewer than the calls when two raw ids met as one. */
  get distinctIds(): number {
    let untimedOnly = 0
    for (const id of this.untimed) if (!this.files.has(id) && !this.tests.has(id)) untimedOnly++
    return this.files.size + this.tests.size + untimedOnly
  }

  constructor(
    private readonly source: string,
    private readonly format: FormatName,
    private readonly normalize: NormalizeOptions = {},
  ) {}

  /** Adds a duration to an id; the id's kind (file or test) follows its shape. */
  add(rawId: string, value: unknown): void {
    const id = normalizeId(rawId, this.normalize)
    this.addNormalized(id, value)
  }

  addNormalized(id: string, value: unknown): void {
    const seconds = acceptSeconds(value)
    if (seconds === undefined) {
      this.invalidEntries++
      this.untimed.add(id)
      return
    }
    if (seconds === 0) {
      this.zeroEntries++
      this.untimed.add(id)
      return
    }
    const target = isTestId(id) ? this.tests : this.files
    const before = target.get(id)
    target.set(id, before === undefined ? seconds : before + seconds)
  }

  /** Records an id that exists but has no usable duration (a skipped test). */
  addUntimed(id: string): void {
    this.untimed.add(id)
  }

  /** Whether this run already holds the (normalised) id. */
  has(id: string): boolean {
    return this.files.has(id) || this.tests.has(id) || this.untimed.has(id)
  }

  get size(): number {
    return this.files.size + this.tests.size + this.untimed.size
  }

  build(): TimingRun {
    for (const id of this.untimed) {
      if (this.files.has(id) || this.tests.has(id)) this.untimed.delete(id)
    }
    return {
      source: this.source,
      format: this.format,
      files: this.files,
      tests: this.tests,
      untimed: this.untimed,
    }
  }

  /** Warnings describing what this run ignored. */
  warnings(): string[] {
    const out: string[] = []
    if (this.zeroEntries > 0) {
      out.push(`${this.source}: ${this.zeroEntries} entries of 0 s treated as unknown`)
    }
    if (this.invalidEntries > 0) {
      out.push(
        `${this.source}: ${this.invalidEntries} entries ignored (duration not a number of seconds from 0 to 6 h)`,
      )
    }
    return out
  }
}
