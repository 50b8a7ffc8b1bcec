/**
 * Test ids and file ids. A *file id* is a repo-relative POSIX path in NFC (or, for Go, a package
 * import path); a *test id* is `<file id>::<scope…>::<name>` (pytest node ids have exactly this
 * shape already). Every component that compares ids — plan, run, combine — goes through
 * `normalizeFileId`/`normalizeTestId`, so `./a`, `a`, `C:\ws\a` and `/home/runner/work/r/r/a`
 * meet as one id.
 */

export const TEST_SEPARATOR = '::'

/**
 * Absolute workspace prefixes of the common hosted CI runners. A report written on one of them
 * names files absolutely; stripping the prefix recovers the repo-relative path.
 */
const RUNNER_ROOTS: readonly RegExp[] = [
  /^\/home\/runner\/work\/[^/]+\/[^/]+\//, // GitHub Actions, Linux
  /^\/Users\/runner\/work\/[^/]+\/[^/]+\//, // GitHub Actions, macOS
  /^[A-Za-z]:\/a\/[^/]+\/[^/]+\//, // GitHub Actions, Windows
  /^\/github\/workspace\//, // GitHub Actions, container actions
  /^\/builds\/[^/]+\/[^/]+\//, // GitLab
  /^\/home\/circleci\/project\//, // CircleCI
  /^\/var\/lib\/buildkite-agent\/builds\/[^/]+\/[^/]+\/[^/]+\//, // Buildkite
]

export interface NormalizeOptions {
  /** Absolute directories whose prefix is stripped (the repository root, the workspace). */
  readonly roots?: readonly string[]
}

const NO_ROOTS: readonly string[] = []

/** Lexically resolves `.` and `..` segments and collapses repeated slashes. */
function collapseSegments(path: string): string {
  const absolute = path.startsWith('/')
  const out: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') {
      out.pop()
      continue
    }
    if (segment === '..' && absolute) continue
    out.push(segment)
  }
  return (absolute ? '/' : '') + out.join('/')
}

/** Backslashes to slashes, NFC, and an upper-case drive letter (`c:\ws` and `C:\ws` are one). */
function toPosix(path: string): string {
  return path
    .replace(/\\/g, '/')
    .normalize('NFC')
    .replace(/^[a-z](?=:\/)/, (drive) => drive.toUpperCase())
}

/** Printable ASCII without spaces at either end: trimming and NFC leave it as it is. */
const PLAIN_ASCII = /^[!-~](?:[ -~]*[!-~])?$/
/** What normalising would change in a plain ASCII path: separators, `.`/`..`, drives, absolute. */
const NEEDS_NORMALIZING = /[\\:]|^\/|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)/

const prefixesByRoots = new WeakMap<readonly string[], readonly string[]>()

/** The roots as collapsed POSIX prefixes ending in `/`, computed once per roots list. */
function rootPrefixes(roots: readonly string[]): readonly string[] {
  let prefixes = prefixesByRoots.get(roots)
  if (!prefixes) {
    prefixes = roots.map((root) => collapseSegments(toPosix(root)).replace(/\/?$/, '/'))
    prefixesByRoots.set(roots, prefixes)
  }
  return prefixes
}

/**
 * Whether `raw` is already a canonical relative id. Timings files hold up to millions of ids,
 * nearly all of them canonical; recognising those with two regular expressions keeps the full
 * normalisation for the few that need it.
 */
function isCanonical(raw: string, prefixes: readonly string[]): boolean {
  if (!PLAIN_ASCII.test(raw) || NEEDS_NORMALIZING.test(raw)) return false
  for (const prefix of prefixes) {
    // Whether `${raw}/` starts with the prefix, without building that string.
    const meets =
      raw.startsWith(prefix) || (raw.length === prefix.length - 1 && prefix.startsWith(raw))
    if (prefix !== '/' && meets) return false
  }
  return true
}

/** Normalises a file path or Go package into the canonical file id. */
export function normalizeFileId(raw: string, options: NormalizeOptions = {}): string {
  const prefixes = rootPrefixes(options.roots ?? NO_ROOTS)
  if (isCanonical(raw, prefixes)) return raw
  // Collapsed first, so that `C:\.\a\r\r\x` meets the runner roots as `C:/a/r/r/x` does.
  // A trailing slash lets a path that *is* a root (`/w/r`) meet the root prefix (`/w/r/`).
  const collapsedInput = collapseSegments(toPosix(raw.trim()))
  let path = collapsedInput === '' ? '' : `${collapsedInput}/`
  for (const prefix of prefixes) {
    if (prefix !== '/' && path.startsWith(prefix)) {
      path = path.slice(prefix.length)
      break
    }
  }
  for (const pattern of RUNNER_ROOTS) {
    const match = pattern.exec(path)
    if (match) {
      path = path.slice(match[0].length)
      break
    }
  }
  const collapsed = collapseSegments(path)
  return collapsed === '' ? '.' : collapsed
}

/** Splits a test id into its file id and the rest (scope and name), or `undefined` for a file id. */
export function splitTestId(
  id: string,
): { readonly file: string; readonly rest: string } | undefined {
  const at = id.indexOf(TEST_SEPARATOR)
  if (at < 0) return undefined
  return { file: id.slice(0, at), rest: id.slice(at + TEST_SEPARATOR.length) }
}

/** The file an id belongs to: the id itself for a file id. */
export function fileOfId(id: string): string {
  const at = id.indexOf(TEST_SEPARATOR)
  return at < 0 ? id : id.slice(0, at)
}

export function isTestId(id: string): boolean {
  return id.includes(TEST_SEPARATOR)
}

/** Normalises the file part of a test id and leaves its scope and name untouched. */
export function normalizeId(raw: string, options: NormalizeOptions = {}): string {
  const parts = splitTestId(raw)
  if (!parts) return normalizeFileId(raw, options)
  const file = normalizeFileId(parts.file, options)
  return file === parts.file ? raw : `${file}${TEST_SEPARATOR}${parts.rest}`
}

/** Joins a file id, scope segments and a test name into a test id (empty segments dropped). */
export function joinTestId(file: string, scopes: readonly string[], name: string): string {
  return [file, ...scopes.filter((s) => s !== ''), name].join(TEST_SEPARATOR)
}

/** Keys that must never become plain-object properties. */
export function isDangerousKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype'
}

/**
 * Whether an id names something outside the repository: an absolute path (`/x`, `C:\x`,
 * `\\server\x`) or one that climbs out of the root (`../x`, `a/../../x`). Such ids come from
 * mistaken or hostile input — timings, listings, a plan or a shard result — and are never
 * planned or run. The check is lexical, as the runner will resolve the path against the root.
 */
export function isOutsideRoot(id: string): boolean {
  const file = fileOfId(id)
  // A canonical relative id (nearly every one) is inside by construction.
  if (isCanonical(file, NO_ROOTS)) return false
  const path = collapseSegments(toPosix(file))
  return (
    path.startsWith('/') ||
    /^[A-Za-z]:(?:\/|$)/.test(path) ||
    path === '..' ||
    path.startsWith('../')
  )
}
