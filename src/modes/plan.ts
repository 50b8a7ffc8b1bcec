import { readFile } from 'node:fs/promises'
import { UsageError, describeError } from '../core/errors.js'
import { isOutsideRoot, normalizeId } from '../core/ids.js'
import { SERIAL_MODEL, type CostModel } from '../core/cost-model.js'
import { planShards, type Granularity, type Plan, type ShardCountRequest } from '../core/plan.js'
import { buildTimingModel } from '../core/timings.js'
import type { TimingRun } from '../core/types.js'
import type { Log } from '../adapters/log.js'
import { loadTimings, type LoadedTimings } from '../adapters/timings-files.js'

/** Everything `plan` needs, validated: built by the CLI from flags and by the action from inputs. */
export interface PlanOptions {
  readonly shards: ShardCountRequest
  /** Start-up every shard pays; `undefined`: what the timings store learned. */
  readonly shardOverheadSeconds: number | undefined
  /**
   * The cost model to assume where no history has one (`test`: the runner's start-up from its
   * listing run, and a typical file cost for the runner).
   */
  readonly priorCostModel?: CostModel
  /** What a file with nothing to learn from is assumed to cost. */
  readonly defaultItemSeconds?: number
  /**
   * The test files the runner itself would run, where it lists them cheaply: files the globs
   * match beyond these (helper modules) are left out of the plan with a warning.
   */
  readonly runnerFiles?: { readonly runner: string; readonly files: ReadonlySet<string> }
  readonly granularity: Granularity
  readonly timings: readonly string[]
  readonly patterns: readonly string[]
  /** A file with one id per line, or `-` for standard input. */
  readonly itemsFrom: string | undefined
  /** Ids listed by the runner, passed in memory (names may hold newlines). */
  readonly items?: readonly string[]
  /** The repository root: globs are matched and ids made relative here. */
  readonly root: string
  /** Extra absolute prefixes stripped from ids (the CI workspace). */
  readonly roots: readonly string[]
  /** Drops found items that must never be planned (the action's own files); may warn or throw. */
  readonly exclude?: (ids: readonly string[]) => string[]
}

export interface PlanDeps {
  readonly log: Log
  readonly readStdin: () => Promise<string>
}

async function readItems(
  source: string,
  deps: PlanDeps,
  roots: readonly string[],
): Promise<string[]> {
  let text: string
  try {
    text = source === '-' ? await deps.readStdin() : await readFile(source, 'utf8')
  } catch (error) {
    throw new UsageError(`--items-from ${source}: cannot read it (${describeError(error)})`)
  }
  const ids = text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '')
    .map((line) => normalizeId(line, { roots }))
  if (ids.length === 0) throw new UsageError(`--items-from ${source}: holds no ids (one per line)`)
  return ids
}

/** Warns that ids from `source` resolve outside the repository and are not planned. */
function warnOutside(outside: readonly string[], source: string, root: string, log: Log): void {
  log.warning(
    `${source}: ${outside.length} ${outside.length === 1 ? 'id resolves' : 'ids resolve'} outside ${root} and ${outside.length === 1 ? 'is' : 'are'} not planned: ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ', …' : ''}`,
  )
}

/** A timings run without the ids outside the repository (when the timings are the items). */
function runInsideRoot(run: TimingRun): TimingRun {
  const keep = (id: string) => !isOutsideRoot(id)
  return {
    ...run,
    files: new Map([...run.files].filter(([id]) => keep(id))),
    tests: new Map([...run.tests].filter(([id]) => keep(id))),
    untimed: new Set([...run.untimed].filter(keep)),
  }
}

/** The items found so far, and how many ids were refused for resolving outside the root. */
interface FoundItems {
  items: string[] | undefined
  sizes: ReadonlyMap<string, number> | undefined
  refused: number
}

// The glob library loads only when there is something to glob or stat: planning from a
// timings file starts faster without it.
const discover = () => import('../adapters/discover.js')

/**
 * Ids that resolve outside the repository (`../x`, `/etc/x`) are refused wherever they come
 * from: never planned, so never run.
 */
function keepInside(
  found: FoundItems,
  ids: readonly string[],
  source: string,
  root: string,
  log: Log,
): string[] {
  const outside = ids.filter(isOutsideRoot)
  if (outside.length === 0) return [...ids]
  warnOutside(outside, source, root, log)
  found.refused += outside.length
  return ids.filter((id) => !isOutsideRoot(id))
}

/**
 * The test files the globs match. A helper module the glob caught is not a test: the runner
 * would report nothing for it and the shard would fail for a file that was never a test, so
 * where the runner lists its own files, the others are left out with a warning.
 */
async function globbedItems(options: PlanOptions, found: FoundItems, log: Log): Promise<void> {
  const patterns = options.patterns.map((p) => `'${p}'`).join(' ')
  const discovered = await (await discover()).discoverFiles(options.patterns, options.root)
  if (discovered.files.length === 0)
    throw new UsageError(`no files under ${options.root} match ${patterns}`)
  let items = keepInside(found, discovered.files, 'the globs', options.root, log)
  found.sizes = discovered.sizes
  if (options.runnerFiles !== undefined) {
    const { runner, files } = options.runnerFiles
    const own = items.filter((id) => files.has(id))
    const others = items.filter((id) => !files.has(id))
    if (others.length > 0) {
      log.warning(
        `${others.length} ${others.length === 1 ? 'file matches' : 'files match'} the globs but ${others.length === 1 ? 'is' : 'are'} not a test file for ${runner} (its configuration does not run ${others.length === 1 ? 'it' : 'them'}); left out of the plan: ${others
          .slice(0, 5)
          .join(', ')}${others.length > 5 ? ', …' : ''}`,
      )
      if (own.length === 0)
        throw new UsageError(
          `none of the ${items.length} files matching ${patterns} is a test file for ${runner}`,
        )
      items = own
    }
  }
  found.items = items
}

/** Adds listed ids (the runner's list, `--items-from`) and the sizes of their files. */
async function addListed(found: FoundItems, listed: readonly string[], root: string) {
  found.items = [...(found.items ?? []), ...listed]
  found.sizes = new Map([
    ...(found.sizes ?? []),
    ...(await (await discover()).fileSizes(listed, root)),
  ])
}

/** The items to plan, from globs, the runner's list and `--items-from`; `undefined`: none given. */
async function findItems(options: PlanOptions, deps: PlanDeps): Promise<FoundItems> {
  const { log } = deps
  const roots = [options.root, ...options.roots]
  const found: FoundItems = { items: undefined, sizes: undefined, refused: 0 }
  if (options.patterns.length > 0) await globbedItems(options, found, log)
  if (options.items !== undefined) {
    const ids = options.items.map((id) => normalizeId(id, { roots }))
    const listed = keepInside(found, ids, "the runner's test list", options.root, log)
    await addListed(found, listed, options.root)
  }
  if (options.itemsFrom !== undefined) {
    const ids = await readItems(options.itemsFrom, deps, roots)
    const source = `--items-from ${options.itemsFrom}`
    await addListed(found, keepInside(found, ids, source, options.root, log), options.root)
  }
  if (found.items !== undefined && options.exclude) found.items = options.exclude(found.items)
  if (found.items !== undefined && found.items.length === 0 && found.refused > 0) {
    throw new UsageError(
      `nothing to plan: every item resolves outside the repository root ${options.root}`,
    )
  }
  return found
}

/** Planning what the timings hold: their ids are the items, refused like any other. */
function timingsInsideRoot(
  runs: readonly TimingRun[],
  root: string,
  log: Log,
): readonly TimingRun[] {
  const ids = (run: TimingRun) => [...run.files.keys(), ...run.tests.keys(), ...run.untimed]
  const outside = [...new Set(runs.flatMap((run) => ids(run).filter(isOutsideRoot)))]
  if (outside.length === 0) return runs
  warnOutside(outside.sort(), '--timings', root, log)
  const inside = runs.map(runInsideRoot)
  if (inside.every((run) => ids(run).length === 0))
    throw new UsageError(
      `nothing to plan: every id in the timings resolves outside the repository root ${root}`,
    )
  return inside
}

/** Says what the plan is built from: the timings alone, or items without timings. */
function noticeSources(options: PlanOptions, loaded: LoadedTimings, hasItems: boolean, log: Log) {
  if (!hasItems) {
    if (loaded.runs.length === 0) {
      const why =
        options.timings.length === 0
          ? 'no test globs, no --items-from and no --timings were given'
          : `none of the --timings files held usable timings (${loaded.sources.length} read)`
      throw new UsageError(
        `nothing to plan: ${why}. Give test globs, --items-from <file>, or --timings <file>.`,
      )
    }
    log.notice('no globs or --items-from: planning the items present in the timings')
  } else if (loaded.runs.length === 0) {
    log.notice(
      options.timings.length === 0
        ? 'no timings given: every item is estimated (from file sizes where the files exist)'
        : 'no usable timings: every item is estimated (from file sizes where the files exist)',
    )
  }
}

/** A start-up given by hand wins; else what the history learned; else the caller's estimate. */
function chooseCostModel(options: PlanOptions, learned: CostModel | undefined): CostModel {
  if (options.shardOverheadSeconds === undefined)
    return learned ?? options.priorCostModel ?? SERIAL_MODEL
  return {
    startupSeconds: options.shardOverheadSeconds,
    warmupSeconds: 0,
    workers: learned?.workers ?? options.priorCostModel?.workers ?? 1,
  }
}

/** Restores timings, finds the items, estimates the unknown ones and splits them into shards. */
export async function planMode(options: PlanOptions, deps: PlanDeps): Promise<Plan> {
  const { log } = deps
  const loaded = await loadTimings(
    options.timings,
    { roots: [options.root, ...options.roots] },
    log,
  )
  const { items, sizes } = await findItems(options, deps)
  const runs = items === undefined ? timingsInsideRoot(loaded.runs, options.root, log) : loaded.runs
  const model = buildTimingModel(runs)
  noticeSources(options, loaded, items !== undefined, log)
  const costModel = chooseCostModel(options, model.costModel)
  const plan = planShards({
    items,
    model,
    shards: options.shards,
    granularity: options.granularity,
    shardOverheadSeconds: costModel.startupSeconds + costModel.warmupSeconds,
    costModel,
    ...(options.defaultItemSeconds === undefined
      ? {}
      : { defaultItemSeconds: options.defaultItemSeconds }),
    ...(sizes ? { sizes } : {}),
  })
  for (const note of plan.notes) log.notice(note)
  if (items !== undefined && plan.unknownItems > 0 && loaded.runs.length > 0) {
    log.info(`${plan.unknownItems} of ${plan.itemCount} items have no timings and were estimated`)
  }
  return plan
}
