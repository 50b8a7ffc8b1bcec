import { main, processIo } from './cli.js'

// The bundled CLI entry: run, then let the event loop drain so piped output is flushed.
process.exitCode = await main(process.argv.slice(2), processIo())
