import { readFileSync, realpathSync } from 'node:fs'

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

/** Lines of a growing report that match, for live progress; 0 while it does not exist yet. */
export function countMatchingLines(path: string | undefined, pattern: RegExp): number {
  if (path === undefined) return 0
  try {
    return readFileSync(path, 'utf8').match(pattern)?.length ?? 0
  } catch {
    return 0
  }
}
