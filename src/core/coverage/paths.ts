import { normalizeFileId } from '../ids.js'

/**
 * Where the paths that coverage reports name live: in the repository (a repo-relative POSIX
 * path, NFC), outside it (excluded and counted), or nowhere usable. Paths are identity strings
 * only; nothing is ever opened (THREATS E1, E2).
 */

export type CoveragePath =
  | { readonly kind: 'repo'; readonly path: string }
  | { readonly kind: 'outside'; readonly path: string }
  | { readonly kind: 'invalid'; readonly reason: string }

/** Longest first, so a workspace nested in another root is stripped as a whole. */
export function sortRoots(roots: readonly string[]): string[] {
  return [...roots].filter((root) => root.trim() !== '').sort((a, b) => b.length - a.length)
}

function fromFileUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw)
    let path = decodeURIComponent(url.pathname)
    if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1)
    return url.host === '' ? path : `//${url.host}${path}`
  } catch {
    return undefined
  }
}

function isOutside(path: string): boolean {
  return (
    path.startsWith('/') || /^[A-Za-z]:\//.test(path) || path === '..' || path.startsWith('../')
  )
}

/**
 * Where a path named by a coverage report lives: strips the given roots (longest first) and the
 * hosted runners' workspaces, turns `\` into `/`, applies NFC and resolves `.`/`..` lexically.
 * What is still absolute, or climbs out with `../`, is outside the repository.
 */
export function locateCoveragePath(raw: string, roots: readonly string[]): CoveragePath {
  return locatePath(raw, sortRoots(roots))
}

/** `locateCoveragePath` with roots already sorted by `sortRoots`, for a report's many paths. */
export function locatePath(raw: string, sortedRoots: readonly string[]): CoveragePath {
  if (raw.includes('\0') || raw.includes('\n') || raw.includes('\r')) {
    return { kind: 'invalid', reason: 'it contains a NUL or line break' }
  }
  let path = raw
  if (/^file:\/\//i.test(path)) {
    const decoded = fromFileUrl(path)
    if (decoded === undefined) return { kind: 'invalid', reason: 'it is not a valid file URL' }
    path = decoded
  }
  if (path.trim() === '') return { kind: 'invalid', reason: 'it is empty' }
  const id = normalizeFileId(path, { roots: sortedRoots })
  if (id === '.') return { kind: 'invalid', reason: 'it names the repository root, not a file' }
  return isOutside(id) ? { kind: 'outside', path: id } : { kind: 'repo', path: id }
}

/** A directory named by a Cobertura `<source>`: `.` for the repository root itself. */
export function locateDirectory(raw: string, sortedRoots: readonly string[]): CoveragePath {
  const trimmed = raw.trim().replace(/[\\/]+$/, '')
  if (trimmed === '' || trimmed === '.') return { kind: 'repo', path: '.' }
  const id = normalizeFileId(`${trimmed}/.`, { roots: sortedRoots })
  if (id === '.') return { kind: 'repo', path: '.' }
  return isOutside(id) ? { kind: 'outside', path: id } : { kind: 'repo', path: id }
}
