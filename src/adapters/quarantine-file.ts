import type { QuarantineEntry } from '../core/combine.js'
import { decodeQuarantine } from '../core/contracts/quarantine.js'
import { readJsonFile } from './json-file.js'
import type { Log } from './log.js'

/** Reads the quarantine list: `{"version":1,"tests":[{"id","until":"YYYY-MM-DD","reason"}]}`. */
export async function readQuarantine(
  path: string | undefined,
  log: Log,
): Promise<readonly QuarantineEntry[]> {
  if (path === undefined) return []
  const { tests } = await readJsonFile('--quarantine', path, decodeQuarantine)
  if (tests.length > 0) log.info(`quarantine: ${tests.length} entries from ${path}`)
  return tests
}
