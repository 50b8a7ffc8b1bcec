import {
  contract,
  list,
  literal,
  matching,
  object,
  text,
  withDefault,
  type Infer,
} from './schema.js'

/**
 * The quarantine list (`--quarantine`, `shardwise.quarantine.json`), written by the team:
 * `{"version": 1, "tests": [{"id", "until": "YYYY-MM-DD", "reason"}]}`. A quarantined test
 * that fails is reported without failing the build, until its date passes.
 */

const entrySchema = object({
  /** A test id, or a file or scope whose tests it covers. */
  id: text('a test id (non-empty text)', 1),
  /** Last day (YYYY-MM-DD, inclusive) the entry applies. */
  until: matching(
    /^\d{4}-\d{2}-\d{2}$/,
    'a date as YYYY-MM-DD (an expiry date keeps quarantine temporary)',
  ),
  reason: withDefault(text(), ''),
})

export type QuarantineEntry = Infer<typeof entrySchema>

const quarantineSchema = object(
  {
    // Lists written before the version was asked for have none.
    version: withDefault(literal(1), 1),
    tests: list(entrySchema, 'a list of {"id", "until", "reason"}'),
  },
  'an object, {"version": 1, "tests": [{"id", "until", "reason"}]}',
)

export type Quarantine = Infer<typeof quarantineSchema>

export const quarantineContract = contract('Shardwise quarantine list', quarantineSchema)

export const decodeQuarantine = quarantineContract.decode
export const encodeQuarantine = quarantineContract.encode
