import type { Granularity } from '../contracts/plan.js'
import { fileOfId } from '../ids.js'
import type { TimingModel } from '../timings.js'

/** The ids to plan when none were given: everything the timings know (unique, sorted). */
export function itemsFromModel(model: TimingModel, granularity: Granularity): string[] {
  const files = [...model.files.keys()]
  const untimedFiles = new Set<string>()
  for (const id of model.untimed) {
    const file = fileOfId(id)
    if (!model.files.has(file)) untimedFiles.add(file)
  }
  files.push(...untimedFiles)
  if (granularity === 'file') return files.sort()
  const ids: string[] = []
  for (const file of files) {
    const tests = model.testsByFile.get(file)
    if (tests && tests.length > 0) for (const id of tests) ids.push(id)
    else ids.push(file)
  }
  return ids.sort()
}

/** The ids sorted, each once. */
export function sortedUnique(ids: readonly string[]): string[] {
  const sorted = [...ids].sort()
  let kept = 0
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i] ?? ''
    if (kept === 0 || id !== sorted[kept - 1]) sorted[kept++] = id
  }
  sorted.length = kept
  return sorted
}

export function groupByFile(ids: readonly string[]): Map<string, string[]> {
  const byFile = new Map<string, string[]>()
  for (const id of ids) {
    const file = fileOfId(id)
    const list = byFile.get(file)
    if (list) list.push(id)
    else byFile.set(file, [id])
  }
  return byFile
}
