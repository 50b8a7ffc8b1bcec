import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { SourcedResult } from '../core/combine.js'
import { decodeShardResult } from '../core/contracts/shard-result.js'
import { UsageError, describeError } from '../core/errors.js'
import { JsonFileError, readJsonFile } from './json-file.js'
import type { Log } from './log.js'

/**
 * The shard results in a directory (`--results-dir`, the downloaded shard artifacts): found
 * without following links, each decoded by its contract. A result that cannot be used is a
 * warning and counts as missing: its shard's items fail, never pass.
 */

const RESULT_FILE = 'shard-result.json'
const MAX_RESULT_BYTES = 256 * 1024 * 1024
const MAX_DEPTH = 6

/** Finds every shard result under `dir` (regular files only; links are not followed). */
async function findResults(dir: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (current: string, depth: number): Promise<void> => {
    let entries
    try {
      entries = await readdir(current, { withFileTypes: true })
    } catch (error) {
      if (depth === 0)
        throw new UsageError(`--results-dir ${dir}: cannot read it (${describeError(error)})`)
      return
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(current, entry.name)
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(full, depth + 1)
      else if (entry.isFile() && entry.name === RESULT_FILE) found.push(full)
    }
  }
  await walk(dir, 0)
  return found
}

export async function readResults(dir: string, log: Log): Promise<SourcedResult[]> {
  const results: SourcedResult[] = []
  for (const path of await findResults(dir)) {
    const source = relative(dir, path) || path
    try {
      const result = await readJsonFile('--results-dir', path, decodeShardResult, {
        maxBytes: MAX_RESULT_BYTES,
      })
      results.push({ source, result })
    } catch (error) {
      // A result that cannot be used counts as missing: its shard's items fail, never pass.
      if (!(error instanceof JsonFileError)) throw error
      log.warning(
        error.problem === 'invalid'
          ? `${source}: ${error.detail}; ignored`
          : `${source}: unreadable shard result (${error.detail}); ignored`,
      )
    }
  }
  return results
}
