/**
 * Splits chunks into lines (CRLF or LF) and guards against one endless line, for the
 * line-based reports (lcov, Go cover profiles). A line is handed over as `text` with its bounds
 * rather than as a new string, so that a parser can read the lines that make up most of a
 * report without allocating (`slice` when it needs the string).
 */
export class LineSplitter {
  private rest = ''
  private skipping = false
  private lineNumber = 0
  private static readonly MAX_LINE_CHARS = 1 << 20

  constructor(
    private readonly onLine: (text: string, start: number, end: number, lineNumber: number) => void,
    private readonly onOverlong: (lineNumber: number) => void,
  ) {}

  write(chunk: string): void {
    const text = this.rest.length === 0 ? chunk : this.rest + chunk
    let start = 0
    for (;;) {
      const newline = text.indexOf('\n', start)
      if (newline < 0) break
      this.lineNumber++
      if (this.skipping) this.skipping = false
      else this.emit(text, start, newline)
      start = newline + 1
    }
    this.rest = text.slice(start)
    if (this.rest.length > LineSplitter.MAX_LINE_CHARS) {
      if (!this.skipping) this.onOverlong(this.lineNumber + 1)
      this.skipping = true
      this.rest = ''
    }
  }

  end(): void {
    if (this.rest.length > 0 && !this.skipping) {
      this.lineNumber++
      this.emit(this.rest, 0, this.rest.length)
    }
    this.rest = ''
  }

  private emit(text: string, start: number, end: number): void {
    if (end > start && text.charCodeAt(end - 1) === 13) end--
    if (this.lineNumber === 1 && text.charCodeAt(start) === 0xfeff) start++
    this.onLine(text, start, end, this.lineNumber)
  }
}

/** `text.slice(start, end)` starts with `prefix`. */
export function startsWithAt(text: string, start: number, end: number, prefix: string): boolean {
  return end - start >= prefix.length && text.startsWith(prefix, start)
}
