import { access, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileOfId, isOutsideRoot } from '../../core/ids.js'
import type { FileFailure } from '../../core/outcomes.js'
import type { Log } from '../../adapters/log.js'

/** The planned items this shard can run, and why the others cannot. */
export interface RunnableItems {
  readonly runnable: readonly string[]
  /** File id → its spelling on disk, where the two differ (a name stored decomposed). */
  readonly onDisk: ReadonlyMap<string, string>
  /** The planned files that cannot run, each with the reason. */
  readonly refused: readonly FileFailure[]
}

/**
 * The path of a file id as spelled on disk: the id itself, or — where the file system keeps a
 * name decomposed (NFD) — the entry whose NFC form is the id's.
 */
async function findOnDisk(root: string, id: string): Promise<string | undefined> {
  try {
    await access(resolve(root, id))
    return id
  } catch {
    // Look for another Unicode spelling, one segment at a time.
  }
  let dir = root
  const parts: string[] = []
  for (const segment of id.split('/')) {
    let names: string[]
    try {
      names = await readdir(dir)
    } catch {
      return undefined
    }
    const name =
      names.find((n) => n === segment) ?? names.find((n) => n.normalize('NFC') === segment)
    if (name === undefined) return undefined
    parts.push(name)
    dir = join(dir, name)
  }
  return parts.join('/')
}

/**
 * A planned item outside the repository is refused: the plan came from somewhere else, and its
 * ids from timings, listings or results, none of which may point the runner elsewhere.
 */
function refuseOutside(
  items: readonly string[],
  root: string,
  log: Log,
): { inside: readonly string[]; refused: FileFailure[] } {
  const outside = [...new Set(items.filter(isOutsideRoot).map(fileOfId))].sort()
  if (outside.length === 0) return { inside: items, refused: [] }
  log.warning(
    `${outside.length} planned ${outside.length === 1 ? 'item resolves' : 'items resolve'} outside ${root} and ${outside.length === 1 ? 'is' : 'are'} not run: ${outside.slice(0, 5).join(', ')}`,
  )
  return {
    inside: items.filter((item) => !isOutsideRoot(item)),
    refused: outside.map((file) => ({
      file,
      message: `refused: ${file} is outside the repository root`,
    })),
  }
}

/**
 * The items of a shard that can run. A planned file that is gone cannot: say so instead of
 * letting the runner ignore it. Ids are NFC; a file stored decomposed (as macOS writes names)
 * is found by its spelling on disk. Where items are not paths (Go's import paths), only the
 * root check applies.
 */
export async function runnableItems(
  items: readonly string[],
  root: string,
  itemsArePaths: boolean,
  log: Log,
): Promise<RunnableItems> {
  const { inside, refused } = refuseOutside(items, root, log)
  const onDisk = new Map<string, string>()
  if (!itemsArePaths) return { runnable: inside, onDisk, refused }
  const gone = new Set<string>()
  for (const file of new Set(inside.map(fileOfId))) {
    const found = await findOnDisk(root, file)
    if (found === undefined) {
      gone.add(file)
      refused.push({ file, message: `planned file not found: ${file}` })
    } else if (found !== file) {
      onDisk.set(file, found)
    }
  }
  if (gone.size === 0) return { runnable: inside, onDisk, refused }
  log.warning(
    `${gone.size} planned files are missing from ${root}: ${[...gone].slice(0, 5).join(', ')}`,
  )
  return { runnable: inside.filter((item) => !gone.has(fileOfId(item))), onDisk, refused }
}
