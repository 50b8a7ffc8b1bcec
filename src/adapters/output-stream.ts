import { workflowCommandGuard } from '../core/log-guard.js'

/**
 * Where Shardwise prints: our stdout or stderr, which a job log, a terminal or a pipe reads.
 * Everything written passes one workflow-command guard per stream (the runner reads each
 * stream's lines as a whole, whoever wrote them). A reader that goes away (`shardwise run …
 * | head -1`: EPIPE) does not crash us: output is dropped from then on, and the run goes on
 * to write its result. A reader that is slower than the tests tells producers to wait
 * (`ready`), so output is never held in memory beyond the stream's own buffer.
 */
export interface OutputSink {
  write(text: string): void
  /** While the reader is behind, a promise of when to write again; `undefined` to go on. */
  ready(): Promise<void> | undefined
  /** The reader has gone: writes are dropped. */
  readonly closed: boolean
  readonly isTTY: boolean
}

export interface SinkOptions {
  /**
   * Pass only complete lines (a partial one waits for its end, or `flush`): for a stream
   * that other writers share line by line (`@actions/core` writes whole lines to stdout).
   */
  readonly wholeLines?: boolean
}

/** Whether a stream has failed, shared by every sink on it (one listener per stream). */
const watched = new WeakMap<NodeJS.WritableStream, { closed: boolean }>()

function watch(stream: NodeJS.WritableStream): { closed: boolean } {
  let state = watched.get(stream)
  if (!state) {
    const created = { closed: false }
    stream.on('error', () => {
      // EPIPE, or any other failure of the stream: nobody can read what we print any more.
      created.closed = true
    })
    watched.set(stream, created)
    state = created
  }
  return state
}

/** A partial line longer than this is written anyway, ended with a line break. */
const MAX_PENDING_LINE = 64 * 1024

export function outputSink(
  stream: NodeJS.WritableStream & { isTTY?: boolean; writableNeedDrain?: boolean },
  options: SinkOptions = {},
): OutputSink & { flush(): void } {
  const guard = workflowCommandGuard()
  const state = watch(stream)
  let pending = ''
  let waiting: Promise<void> | undefined
  const emit = (text: string) => {
    if (state.closed || text === '') return
    const writable = stream as { destroyed?: boolean; writableEnded?: boolean }
    if (writable.destroyed === true || writable.writableEnded === true) {
      state.closed = true
      return
    }
    stream.write(guard(text))
  }
  return {
    get closed() {
      return state.closed
    },
    isTTY: stream.isTTY === true,
    write(text) {
      if (!options.wholeLines) return emit(text)
      pending += text
      const end = Math.max(pending.lastIndexOf('\n'), pending.lastIndexOf('\r'))
      if (end >= 0) {
        emit(pending.slice(0, end + 1))
        pending = pending.slice(end + 1)
      }
      if (pending.length > MAX_PENDING_LINE) {
        emit(`${pending}\n`)
        pending = ''
      }
    },
    flush() {
      if (pending !== '') emit(`${pending}\n`)
      pending = ''
    },
    ready() {
      if (state.closed || stream.writableNeedDrain !== true) return undefined
      waiting ??= new Promise<void>((resolve) => {
        const done = () => {
          stream.removeListener('drain', done)
          stream.removeListener('close', done)
          stream.removeListener('error', done)
          waiting = undefined
          resolve()
        }
        stream.on('drain', done)
        stream.on('close', done)
        stream.on('error', done)
      })
      return waiting
    },
  }
}
