import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs'

/**
 * The working directory and, when it differs, its real path: runners report real paths (a
 * symlinked checkout), and both must be stripped to get repo-relative ids.
 */
export function rootsOf(cwd: string): string[] {
  try {
    const real = realpathSync(cwd)
    return real === cwd ? [cwd] : [cwd, real]
  } catch {
    return [cwd]
  }
}

interface Progress {
  offset: number
  count: number
  /** The last, unfinished line. */
  tail: string
}
const progress = new Map<string, Progress>()
const MAX_TRACKED = 64
const MAX_READ = 16 * 1024 * 1024

/**
 * Lines of a growing report that match, for live progress; 0 while it does not exist yet.
 * Each call reads only what was appended since the last (at most 16 MiB), so a report of
 * any size costs no more than its growth.
 */
export function countMatchingLines(path: string | undefined, pattern: RegExp): number {
  if (path === undefined) return 0
  const key = `${pattern.source}\u0000${path}`
  let state = progress.get(key)
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const size = fstatSync(fd).size
    if (!state || size < state.offset) {
      state = { offset: 0, count: 0, tail: '' }
      if (progress.size >= MAX_TRACKED) progress.delete(progress.keys().next().value ?? '')
    }
    progress.set(key, state)
    const length = Math.min(size - state.offset, MAX_READ)
    if (length > 0) {
      const buffer = Buffer.alloc(length)
      const read = readSync(fd, buffer, 0, length, state.offset)
      state.offset += read
      const text = state.tail + buffer.toString('latin1', 0, read)
      const end = text.lastIndexOf('\n')
      state.count += text.slice(0, end + 1).match(pattern)?.length ?? 0
      // A line is counted once it is complete; an endless one is not kept whole.
      state.tail = text.slice(end + 1).slice(-64 * 1024)
    }
    return state.count
  } catch {
    return state?.count ?? 0
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
