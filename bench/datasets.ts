/** Loads the real-world timing datasets (test/fixtures/datasets) through Shardwise's own loader. */
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadTimings } from '../src/adapters/timings-files.js'
import type { Unit } from '../src/core/partition.js'
import { buildTimingModel, type TimingModel } from '../src/core/timings.js'
import { countingLog, shortName } from './lib.js'

export interface Dataset {
  readonly file: string
  readonly name: string
  readonly format: string
  readonly model: TimingModel
  /** One unit per file, with the model's file duration (tests aggregated into their file). */
  readonly fileUnits: readonly Unit[]
  readonly testCount: number
  /** Ids the loader saw with no usable duration (0 s, skipped). */
  readonly untimedCount: number
  readonly warnings: number
  readonly warningMessages: readonly string[]
  readonly loadMs: number
}

const here = fileURLToPath(new URL('.', import.meta.url))

/** `SHARDWISE_DATASETS`, else the copy in test/fixtures/datasets (the same bytes as the shared datasets). */
export function datasetsDir(): string {
  return process.env.SHARDWISE_DATASETS ?? resolve(here, '..', 'test', 'fixtures', 'datasets')
}

export async function loadDatasets(dir = datasetsDir()): Promise<Dataset[]> {
  const names = (await readdir(dir)).filter((n) => n !== 'README.md' && !n.startsWith('.')).sort()
  const out: Dataset[] = []
  for (const file of names) {
    const log = countingLog()
    const started = performance.now()
    const loaded = await loadTimings([join(dir, file)], {}, log)
    const model = buildTimingModel(loaded.runs)
    const loadMs = performance.now() - started
    const fileUnits = [...model.files]
      .filter(([, seconds]) => seconds > 0)
      .map(([id, seconds]) => ({ id, seconds }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    out.push({
      file,
      name: shortName(file),
      format: loaded.sources[0]?.format ?? 'unknown',
      model,
      fileUnits,
      testCount: model.tests.size,
      untimedCount: model.untimed.size,
      warnings: log.counts.warnings,
      warningMessages: log.warnings,
      loadMs,
    })
  }
  return out
}
