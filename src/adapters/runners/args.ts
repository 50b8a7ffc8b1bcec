/**
 * Helpers every runner adapter uses to build arguments: file paths that cannot be read as
 * options, literal regular expressions, and invocations kept under the OS argument limit.
 */

/**
 * The most bytes of arguments one invocation gets. Linux allows 2 MiB for argv and the
 * environment together (and 128 KiB per single string); staying far below leaves room for a
 * large environment.
 */
export const MAX_ARGUMENT_BYTES = 256 * 1024

/** Splits items into chunks whose argument bytes stay under the limit. */
export function chunkByArgumentBytes(
  items: readonly string[],
  fixedBytes: number,
  perItem: (item: string) => number,
): string[][] {
  const chunks: string[][] = []
  let current: string[] = []
  let bytes = fixedBytes
  for (const item of items) {
    const size = perItem(item) + 1
    if (current.length > 0 && bytes + size > MAX_ARGUMENT_BYTES) {
      chunks.push(current)
      current = []
      bytes = fixedBytes
    }
    current.push(item)
    bytes += size
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

/**
 * A file path as an argument: relative paths get `./` so that a file named `-rf.test.js`,
 * `--require=x.js` or pytest's `@argsfile` is never read as an option.
 */
export function pathArgument(path: string): string {
  return path.startsWith('/') || path.startsWith('./') || path.startsWith('../')
    ? path
    : `./${path}`
}

export function argumentBytes(args: readonly string[]): number {
  let total = 0
  for (const arg of args) total += Buffer.byteLength(arg) + 1
  return total
}

/** Escapes a string for use as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}
