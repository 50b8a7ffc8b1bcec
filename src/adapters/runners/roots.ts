import { realpathSync } from 'node:fs'

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
