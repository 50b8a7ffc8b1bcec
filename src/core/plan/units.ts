import type { Granularity, SplitFile } from '../contracts/plan.js'
import { partitionUnits, type Unit } from '../partition.js'
import { sum } from '../stats.js'
import type { TimingModel } from '../timings.js'
import type { Prices } from './prices.js'

/**
 * The units the planner deals to shards at auto granularity: whole files, or chunks of the
 * files too long for one shard, each chunk paying its file's setup again.
 */

export interface PlanUnit extends Unit {
  /** The planned items (file or test ids) the unit runs, sorted. */
  readonly items: readonly string[]
  readonly file: string
  readonly estimated: boolean
}

export interface UnitContext {
  /** The planned ids, sorted. */
  readonly items: readonly string[]
  /** The planned ids by file (in the order of `items`); empty at file granularity. */
  readonly byFile: ReadonlyMap<string, readonly string[]>
  readonly prices: Prices
  readonly model: TimingModel
  readonly granularity: Granularity
  readonly canSplitFiles: boolean
}

/** A file planned whole: its planned ids and its unit. */
interface FileUnit {
  readonly file: string
  readonly ids: readonly string[]
  readonly unit: PlanUnit
}

/**
 * Splits one file's tests into `parts` chunks of near-equal time (LPT), each a unit that pays
 * the file's setup once.
 */
function chunkFile(
  file: string,
  tests: readonly string[],
  parts: number,
  prices: Prices,
  setup: number,
  estimated: boolean,
): PlanUnit[] {
  const units = tests.map((id) => ({ id, seconds: prices.of(id) }))
  const partition = partitionUnits(units, Math.min(parts, units.length))
  return partition.shards
    .filter((chunk) => chunk.length > 0)
    .map((chunk, index) => ({
      id: `${file}::#${index + 1}`,
      seconds: setup + sum(chunk.map((u) => u.seconds)),
      items: chunk.map((u) => u.id).sort(),
      file,
      estimated,
    }))
}

/**
 * A file's time: its own observation if it has one (setup and untimed tests included), else
 * the sum of its tests and its setup. New tests, unknown to the timings, add their estimates.
 */
export function fileSeconds(context: UnitContext, file: string, ids: readonly string[]): number {
  // A file planned whole is an item itself, and the only one of its file.
  if (ids[0] === file) return context.prices.of(file)
  const timed = context.model.files.get(file)
  const isNew = (id: string) => !context.model.tests.has(id) && !context.model.untimed.has(id)
  if (timed !== undefined && timed > 0)
    return timed + sum(ids.filter(isNew).map((id) => context.prices.of(id)))
  return sum(ids.map((id) => context.prices.of(id))) + (context.model.setupByFile.get(file) ?? 0)
}

function setupOf(context: UnitContext, file: string): number {
  return context.model.setupByFile.get(file) ?? 0
}

/** Whether a file can be split: it holds several planned tests and was not planned whole. */
function splittable(f: FileUnit): boolean {
  return f.ids.length > 1 && !f.ids.includes(f.file)
}

/**
 * The files that alone would exceed the target shard time, and into how many parts each goes.
 * The target is the average shard's time (with the setup the parts pay again) or the longest
 * unsplittable piece, whichever is more; it settles within a few passes.
 */
function splitForTarget(
  context: UnitContext,
  fileUnits: readonly FileUnit[],
  shardCount: number,
): SplitFile[] {
  let splitFiles: SplitFile[] = []
  let target = 0
  for (let pass = 0; pass < 3; pass++) {
    const total = sum(fileUnits.map((f) => f.unit.seconds))
    const extraSetup = sum(splitFiles.map((s) => (s.parts - 1) * setupOf(context, s.file)))
    let unsplittable = 0
    for (const f of fileUnits) {
      const longest = splittable(f)
        ? f.ids.reduce((m, id) => Math.max(m, context.prices.of(id)), 0) + setupOf(context, f.file)
        : f.unit.seconds
      unsplittable = Math.max(unsplittable, longest)
    }
    const next = Math.max((total + extraSetup) / shardCount, unsplittable)
    if (next === target) break
    target = next
    splitFiles = []
    for (const f of fileUnits) {
      if (!splittable(f) || f.unit.seconds <= target * 1.0001) continue
      const setup = setupOf(context, f.file)
      const body = f.unit.seconds - setup
      const room = Math.max(target - setup, target / 2)
      const parts = Math.min(f.ids.length, shardCount, Math.ceil(body / room))
      if (parts > 1) splitFiles.push({ file: f.file, parts, seconds: f.unit.seconds })
    }
  }
  return splitFiles
}

/** Fewer units than shards would leave shards empty: splits the longest parts further. */
function splitForEmptyShards(
  fileUnits: readonly FileUnit[],
  splitFiles: readonly SplitFile[],
  shardCount: number,
): SplitFile[] {
  const partsOf = new Map(splitFiles.map((s) => [s.file, s.parts]))
  let unitCount = fileUnits.length + sum(splitFiles.map((s) => s.parts - 1))
  while (unitCount < shardCount) {
    let pick: FileUnit | undefined
    let pickSize = 0
    for (const f of fileUnits) {
      const parts = partsOf.get(f.file) ?? 1
      if (!splittable(f) || parts >= f.ids.length) continue
      const size = f.unit.seconds / parts
      if (size > pickSize) {
        pick = f
        pickSize = size
      }
    }
    if (!pick) break
    partsOf.set(pick.file, (partsOf.get(pick.file) ?? 1) + 1)
    unitCount++
  }
  const out: SplitFile[] = []
  for (const f of fileUnits) {
    const parts = partsOf.get(f.file)
    if (parts !== undefined && parts > 1) out.push({ file: f.file, parts, seconds: f.unit.seconds })
  }
  return out
}

/** Builds the units at auto granularity: whole files, or chunks of the files split. */
export function buildUnits(
  context: UnitContext,
  shardCount: number,
): { units: PlanUnit[]; splitFiles: SplitFile[] } {
  const fileUnits: FileUnit[] = [...context.byFile].map(([file, ids]) => ({
    file,
    ids,
    unit: {
      id: file,
      seconds: fileSeconds(context, file, ids),
      // A file planned whole runs what was asked: the file, or exactly its listed tests.
      items: [...ids].sort(),
      file,
      estimated: ids.some((id) => context.prices.estimated.has(id)),
    },
  }))
  if (!context.canSplitFiles || shardCount === 1) {
    return { units: fileUnits.map((f) => f.unit), splitFiles: [] }
  }
  // auto: split only the files that alone would exceed the target shard time.
  const splitFiles = splitForEmptyShards(
    fileUnits,
    splitForTarget(context, fileUnits, shardCount),
    shardCount,
  )
  const split = new Map(splitFiles.map((s) => [s.file, s.parts]))
  const units: PlanUnit[] = []
  for (const f of fileUnits) {
    const parts = split.get(f.file)
    if (parts === undefined) units.push(f.unit)
    else
      units.push(
        ...chunkFile(
          f.file,
          f.ids,
          parts,
          context.prices,
          setupOf(context, f.file),
          f.unit.estimated,
        ),
      )
  }
  return { units, splitFiles }
}
