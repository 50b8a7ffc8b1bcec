import { lstat, realpath, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { glob } from 'tinyglobby'
import { normalizeFileId } from '../core/ids.js'
import type { Log } from './log.js'

export interface Discovered {
  /** Repo-relative file ids, sorted, without duplicates. */
  readonly files: readonly string[]
  readonly sizes: ReadonlyMap<string, number>
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/**
 * Finds the test files the globs match under `root`. Symbolic links are not followed into
 * directories; a linked file is kept only when its target lies inside `root`. Overlapping
 * globs give each file once.
 */
export async function discoverFiles(patterns: readonly string[], root: string, log: Log): Promise<Discovered> {
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
  let escaped = 0
  for (const match of matches.sort()) {
    const full = resolve(absoluteRoot, match)
    const info = await lstat(full)
    if (info.isSymbolicLink()) {
      let target: string
      try {
        target = await realpath(full)
      } catch {
        escaped++
        continue
      }
      if (!inside(absoluteRoot, target)) {
        escaped++
        continue
      }
    }
    const id = normalizeFileId(match)
    if (files.has(id)) continue
    files.add(id)
    sizes.set(id, (await stat(full)).size)
  }
  if (escaped > 0) {
    log.warning(`${escaped} matched files are symbolic links that leave ${absoluteRoot} (or are broken); they are not planned`)
  }
  return { files: [...files].sort(), sizes }
}

/** Sizes of the files that exist, for estimating items given by id. */
export async function fileSizes(ids: readonly string[], root: string): Promise<Map<string, number>> {
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
