import { readFile } from 'node:fs/promises'
import { UsageError, describeError } from '../core/errors.js'
import { normalizeId } from '../core/ids.js'
import { planShards, type Granularity, type Plan, type ShardCountRequest } from '../core/plan.js'
import { buildTimingModel } from '../core/timings.js'
import type { Log } from '../adapters/log.js'
import { loadTimings } from '../adapters/timings-files.js'

/** Everything `plan` needs, validated: built by the CLI from flags and by the action from inputs. */
export interface PlanOptions {
  readonly shards: ShardCountRequest
  readonly shardOverheadSeconds: number
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

/** Restores timings, finds the items, estimates the unknown ones and splits them into shards. */
export async function planMode(options: PlanOptions, deps: PlanDeps): Promise<Plan> {
  const { log } = deps
  const roots = [options.root, ...options.roots]
  const loaded = await loadTimings(options.timings, { roots }, log)
  const model = buildTimingModel(loaded.runs)

  let items: string[] | undefined
  let sizes: ReadonlyMap<string, number> | undefined
  // The glob library loads only when there is something to glob or stat: planning from a
  // timings file starts faster without it.
  const discover = () => import('../adapters/discover.js')
  if (options.patterns.length > 0) {
    const discovered = await (await discover()).discoverFiles(options.patterns, options.root)
    if (discovered.files.length === 0) {
      throw new UsageError(
        `no files under ${options.root} match ${options.patterns.map((p) => `'${p}'`).join(' ')}`,
      )
    }
    items = [...discovered.files]
    sizes = discovered.sizes
  }
  if (options.items !== undefined) {
    const listed = options.items.map((id) => normalizeId(id, { roots }))
    items = [...(items ?? []), ...listed]
    sizes = new Map([
      ...(sizes ?? []),
      ...(await (await discover()).fileSizes(listed, options.root)),
    ])
  }
  if (options.itemsFrom !== undefined) {
    const listed = await readItems(options.itemsFrom, deps, roots)
    items = [...(items ?? []), ...listed]
    sizes = new Map([
      ...(sizes ?? []),
      ...(await (await discover()).fileSizes(listed, options.root)),
    ])
  }
  if (items === undefined) {
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
  const plan = planShards({
    items,
    model,
    shards: options.shards,
    granularity: options.granularity,
    shardOverheadSeconds: options.shardOverheadSeconds,
    ...(sizes ? { sizes } : {}),
  })
  for (const note of plan.notes) log.notice(note)
  if (items !== undefined && plan.unknownItems > 0 && loaded.runs.length > 0) {
    log.info(`${plan.unknownItems} of ${plan.itemCount} items have no timings and were estimated`)
  }
  return plan
}
