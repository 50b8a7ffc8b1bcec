import { lstat, realpath, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { glob } from 'tinyglobby'
import { normalizeFileId } from '../core/ids.js'

export interface Discovered {
  /** Repo-relative file ids, sorted, without duplicates. */
  readonly files: readonly string[]
  readonly sizes: ReadonlyMap<string, number>
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

/**
 * Finds the test files the globs match under `root`. Symbolic links are not followed and not
 * planned: a link inside the repository is a second name for a file that is planned anyway
 * (it would run twice), and a link out of it can point anywhere. Overlapping globs give each
 * file once.
 */
export async function discoverFiles(
  patterns: readonly string[],
  root: string,
): Promise<Discovered> {
  const absoluteRoot = await realpath(resolve(root))
  const matches = await glob([...patterns], {
    cwd: absoluteRoot,
    ignore: ALWAYS_IGNORED,
    onlyFiles: true,
    followSymbolicLinks: false,
    dot: false,
    expandDirectories: false,
  })
  const files = new Set<string>()
  const sizes = new Map<string, number>()
  for (const match of matches.sort()) {
    const id = normalizeFileId(match)
    if (files.has(id)) continue
    const info = await lstat(resolve(absoluteRoot, match))
    if (!info.isFile()) continue
    files.add(id)
    sizes.set(id, info.size)
  }
  return { files: [...files].sort(), sizes }
}

/** Sizes of the files that exist, for estimating items given by id. */
export async function fileSizes(
  ids: readonly string[],
  root: string,
): Promise<Map<string, number>> {
  const sizes = new Map<string, number>()
  for (const id of ids) {
    try {
      const info = await stat(resolve(root, id))
      if (info.isFile()) sizes.set(id, info.size)
    } catch {
      // Not a file on disk (a Go package, a test id): no size to learn from.
    }
  }
  return sizes
}
