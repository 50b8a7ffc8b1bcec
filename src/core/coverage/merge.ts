import {
  addCounts,
  compareStrings,
  copyFile,
  listSome,
  ownBranch,
  quote,
  uniqueName,
  type CoverageModel,
  type FileCoverage,
  type MutableFile,
} from './model.js'

/**
 * Merging coverage: shards by summing (`CoverageMerger`), and the records of one report that
 * describe one file twice (`sumInto` for lcov, Istanbul and Go; `maxInto` for Cobertura).
 */

/**
 * Adds `source`'s counts to `target`: the union of records with summed hits. Commutative and
 * associative (up to map order), so shard order never matters and no shard overwrites another.
 */
export function sumInto(target: MutableFile, source: FileCoverage): void {
  for (const [line, hits] of source.lines) {
    const previous = target.lines.get(line)
    target.lines.set(line, previous === undefined ? hits : addCounts(previous, hits))
  }
  for (const [key, outcome] of source.branches) {
    const previous = target.branches.get(key)
    if (previous) previous.taken = addCounts(previous.taken, outcome.taken)
    else target.branches.set(key, ownBranch(outcome))
  }
  for (const [name, fn] of source.functions) {
    const previous = target.functions.get(name)
    if (previous) {
      // Two shards disagreeing on where a function starts cannot happen within one commit;
      // the smaller line keeps the merge independent of shard order.
      previous.line = Math.min(previous.line, fn.line)
      previous.hits = addCounts(previous.hits, fn.hits)
    } else target.functions.set(name, { line: fn.line, hits: fn.hits })
  }
}

/**
 * Keeps the larger count per record. Used inside one Cobertura report, where several `<class>`
 * elements for one file (inner classes) describe the same execution: summing would count it
 * twice.
 */
export function maxInto(target: MutableFile, source: FileCoverage): void {
  for (const [line, hits] of source.lines) {
    target.lines.set(line, Math.max(target.lines.get(line) ?? 0, hits))
  }
  for (const [key, outcome] of source.branches) {
    const previous = target.branches.get(key)
    if (!previous) target.branches.set(key, ownBranch(outcome))
    else previous.taken = Math.max(previous.taken, outcome.taken)
  }
  for (const [name, fn] of source.functions) {
    const previous = target.functions.get(name)
    if (!previous) target.functions.set(name, { line: fn.line, hits: fn.hits })
    else if (previous.line === fn.line) previous.hits = Math.max(previous.hits, fn.hits)
    else {
      target.functions.set(uniqueName(target.functions, name, fn.line), {
        line: fn.line,
        hits: fn.hits,
      })
    }
  }
}

export interface MergedCoverage {
  /** Sorted by path. */
  readonly files: CoverageModel
  readonly warnings: readonly string[]
}

/**
 * Merges shard after shard into one model by summing hits per line, branch outcome and
 * function (`sumInto`); a file present in one shard only is kept as it is. Each file is copied
 * at most once and only the merged model (plus the shard being added) is held: the way to
 * merge hundreds of shards (THREATS E6). The models added are never changed.
 *
 * Files whose number of instrumented lines differs between shards are reported: in one run
 * every shard tests the same commit, so it means different commits or different tools.
 */
export class CoverageMerger {
  private readonly merged = new Map<
    string,
    { file: FileCoverage; owned: MutableFile | undefined }
  >()
  private readonly lineCounts = new Map<string, Set<number>>()

  add(model: CoverageModel): void {
    for (const [path, file] of model) {
      const counts = this.lineCounts.get(path)
      if (counts) counts.add(file.lines.size)
      else this.lineCounts.set(path, new Set([file.lines.size]))
      const entry = this.merged.get(path)
      if (!entry) {
        this.merged.set(path, { file, owned: undefined })
        continue
      }
      if (!entry.owned) {
        entry.owned = copyFile(entry.file)
        entry.file = entry.owned
      }
      sumInto(entry.owned, file)
    }
  }

  /** The merge so far, sorted by path, with its warnings. */
  result(): MergedCoverage {
    const files = new Map<string, FileCoverage>()
    for (const path of [...this.merged.keys()].sort(compareStrings)) {
      const entry = this.merged.get(path)
      if (entry) files.set(path, entry.owned ? copyFile(entry.owned) : entry.file)
    }
    const mismatched = [...this.lineCounts]
      .filter(([, counts]) => counts.size > 1)
      .map(([path, counts]) => `${quote(path)} (${[...counts].sort((x, y) => x - y).join(' vs ')})`)
      .sort(compareStrings)
    const warnings =
      mismatched.length === 0
        ? []
        : [
            `${mismatched.length} file(s) have different instrumented line counts in different shards (different commits or coverage tools?); their lines were merged as a union: ${listSome(mismatched)}`,
          ]
    return { files, warnings }
  }
}

/** Merges any number of models at once. See `CoverageMerger`. */
export function mergeCoverageModels(models: readonly CoverageModel[]): MergedCoverage {
  const merger = new CoverageMerger()
  for (const model of models) merger.add(model)
  return merger.result()
}
