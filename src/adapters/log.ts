/** Where modes report progress and problems: stderr for the CLI, annotations in Actions. */
export interface Log {
  info(message: string): void
  /** Suspicious data or a degradation the user should look at. */
  warning(message: string): void
  /** An expected degradation (no history yet, a fallback taken). */
  notice(message: string): void
}

export function stderrLog(stream: { write(text: string): unknown } = process.stderr): Log {
  return {
    info: (m) => void stream.write(`${m}\n`),
    warning: (m) => void stream.write(`warning: ${m}\n`),
    notice: (m) => void stream.write(`notice: ${m}\n`),
  }
}
