import { stableStringify } from '../json.js'

/**
 * A small schema kit for the files that cross jobs and runs (plan, shard result, timings
 * store, quarantine list). A schema both decodes untrusted JSON and *is* the type: the
 * TypeScript type of each file is `Infer<typeof itsSchema>`, so the shape is written once.
 *
 * Written here rather than taken from a schema library because these files need what such
 * libraries do differently: keys like `__proto__` or `constructor` are real test ids and
 * file names (THREATS E5, F3), kept as own keys of null-prototype records rather than dropped;
 * a timings store is advice, so a damaged entry is dropped without losing the rest; and every
 * message has the project's one shape, naming the field: "`shards[0].items[2]` must be a
 * non-empty string; got `5`".
 */

/** Where a value sits in the document: a linked list, cheap to extend at every field. */
export type Path = { readonly parent: Path; readonly key: string | number } | undefined

export function at(path: Path, key: string | number): Path {
  return { parent: path, key }
}

/** `shards[0].items[2]`, `tests["a.test.js::x"].verdict`; `it` for the document itself. */
export function pathText(path: Path): string {
  const keys: (string | number)[] = []
  for (let p = path; p !== undefined; p = p.parent) keys.push(p.key)
  let out = ''
  for (const key of keys.reverse()) {
    if (typeof key === 'number') out += `[${key}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out === '' ? key : `.${key}`
    else out += `[${JSON.stringify(key.length > 200 ? `${key.slice(0, 200)}…` : key)}]`
  }
  return out === '' ? 'it' : `\`${out}\``
}

/** What was found, briefly: the value itself when small, its kind when not. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (Array.isArray(value))
    return value.length === 0 ? 'an empty list' : `a list of ${value.length}`
  if (typeof value === 'object' && value !== null) return 'an object'
  if (typeof value === 'string')
    return `\`${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}\``
  if (value === null || typeof value === 'number' || typeof value === 'boolean')
    return `\`${String(value)}\``
  return typeof value
}

/** A value that does not fit its schema, with where it is, what was expected and what came. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError'
  constructor(
    /** The field, as `pathText` writes it. */
    readonly field: string,
    readonly expected: string,
    readonly got: string,
    /** What the whole document should have been (`a Shardwise plan`), when known. */
    readonly subject?: string,
  ) {
    super(
      `${subject === undefined ? '' : `not a valid ${subject}: `}${field} must be ${expected}; got ${got}`,
    )
  }
}

export function fail(path: Path, expected: string, got: unknown): never {
  throw new DecodeError(pathText(path), expected, shown(got))
}

export interface Schema<T> {
  /** What a valid value is, in words ("a number ≥ 0"), for messages. */
  readonly expected: string
  /** Decodes `input`, found at `path`, or throws a `DecodeError` naming the path. */
  readonly read: (input: unknown, path: Path) => T
}

export type Infer<S> = S extends Schema<infer T> ? T : never

/** A field that may be absent: the decoded object then has no such key. */
export interface Optional<T> extends Schema<T | undefined> {
  readonly optional: Schema<T>
}

function schema<T>(expected: string, read: (input: unknown, path: Path) => T): Schema<T> {
  return { expected, read }
}

function isObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input)
}

export function text(expected = 'text', minLength = 0): Schema<string> {
  return schema(expected, (input, path) =>
    typeof input === 'string' && input.length >= minLength ? input : fail(path, expected, input),
  )
}

export function matching(pattern: RegExp, expected: string): Schema<string> {
  return schema(expected, (input, path) =>
    typeof input === 'string' && pattern.test(input) ? input : fail(path, expected, input),
  )
}

export interface NumberRange {
  readonly min?: number
  readonly max?: number
  readonly whole?: boolean
}

function describeRange({ min, max, whole }: NumberRange): string {
  const kind = whole === true ? 'a whole number' : 'a number'
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`
  if (min !== undefined) return `${kind} ≥ ${min}`
  if (max !== undefined) return `${kind} ≤ ${max}`
  return kind
}

/** A finite number within the range (JSON has no NaN or infinity, but a cast would). */
export function number(range: NumberRange = {}, expected = describeRange(range)): Schema<number> {
  const { min = -Infinity, max = Infinity, whole = false } = range
  return schema(expected, (input, path) =>
    typeof input === 'number' &&
    Number.isFinite(input) &&
    input >= min &&
    input <= max &&
    (!whole || Number.isInteger(input))
      ? input
      : fail(path, expected, input),
  )
}

export function boolean(expected = 'true or false'): Schema<boolean> {
  return schema(expected, (input, path) =>
    typeof input === 'boolean' ? input : fail(path, expected, input),
  )
}

export function literal<const T extends string | number>(
  value: T,
  expected = `\`${JSON.stringify(value)}\``,
): Schema<T> {
  return schema(expected, (input, path) => (input === value ? value : fail(path, expected, input)))
}

export function oneOf<const T extends readonly string[]>(
  values: T,
  expected = `one of ${values.map((v) => `\`${v}\``).join(', ')}`,
): Schema<T[number]> {
  return schema(expected, (input, path) =>
    typeof input === 'string' && values.includes(input) ? input : fail(path, expected, input),
  )
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  const expected = `${inner.expected} or null`
  return schema(expected, (input, path) => {
    if (input === null) return null
    try {
      return inner.read(input, path)
    } catch (error) {
      // Said of this very value (not of a field inside it): null would have done too.
      if (error instanceof DecodeError && error.field === pathText(path))
        return fail(path, expected, input)
      throw error
    }
  })
}

export function list<T>(item: Schema<T>, expected = 'a list', minLength = 0): Schema<readonly T[]> {
  return schema(expected, (input, path) => {
    if (!Array.isArray(input) || input.length < minLength) return fail(path, expected, input)
    return input.map((value, i) => item.read(value, at(path, i)))
  })
}

/**
 * An object of any keys, each value decoded. The result has no prototype, so a key named
 * `__proto__` or `constructor` (a real test id or file name) is an ordinary own key.
 */
export function record<T>(
  value: Schema<T>,
  expected = 'an object',
): Schema<Readonly<Record<string, T>>> {
  return schema(expected, (input, path) => {
    if (!isObject(input)) return fail(path, expected, input)
    const out = Object.create(null) as Record<string, T>
    for (const key of Object.keys(input)) out[key] = value.read(input[key], at(path, key))
    return out
  })
}

/** Like `record`, but an entry that does not decode is left out instead of failing the whole. */
export function lenientRecord<T>(
  value: Schema<T>,
  expected = 'an object',
): Schema<Readonly<Record<string, T>>> {
  return schema(expected, (input, path) => {
    if (!isObject(input)) return fail(path, expected, input)
    const out = Object.create(null) as Record<string, T>
    for (const key of Object.keys(input)) {
      try {
        out[key] = value.read(input[key], at(path, key))
      } catch (error) {
        if (!(error instanceof DecodeError)) throw error
      }
    }
    return out
  })
}

type Shape = Readonly<Record<string, Schema<unknown>>>

type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends Optional<unknown> ? K : never
}[keyof S]

type Flatten<T> = { [K in keyof T]: T[K] } & {}

/** The decoded object of a shape: optional fields are optional keys, every key readonly. */
export type ObjectOf<S extends Shape> = Flatten<
  { readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    readonly [K in OptionalKeys<S>]?: S[K] extends Optional<infer T> ? T : never
  }
>

/**
 * An object with the shape's fields, decoded in the shape's order (so the first problem
 * reported is the first field's). Fields not in the shape are not carried over.
 */
export function object<S extends Shape>(shape: S, expected = 'an object'): Schema<ObjectOf<S>> {
  const fields = Object.entries(shape).map(
    ([key, field]) => [key, field, 'optional' in field] as const,
  )
  return schema(expected, (input, path) => {
    if (!isObject(input)) return fail(path, expected, input)
    const out: Record<string, unknown> = {}
    for (const [key, field, isOptional] of fields) {
      const value = field.read(Object.hasOwn(input, key) ? input[key] : undefined, at(path, key))
      if (value !== undefined || !isOptional) out[key] = value
    }
    return out as ObjectOf<S>
  })
}

/** A field that may be absent (or `undefined`); decoded as `inner` when present. */
export function optional<T>(inner: Schema<T>): Optional<T> {
  return {
    expected: inner.expected,
    optional: inner,
    read: (input, path) => (input === undefined ? undefined : inner.read(input, path)),
  }
}

/** A field that is always there, `undefined` when absent in the document. */
export function maybe<T>(inner: Schema<T>): Schema<T | undefined> {
  return schema(inner.expected, (input, path) =>
    input === undefined ? undefined : inner.read(input, path),
  )
}

/** A field that may be absent, and then takes `fallback`. */
export function withDefault<T>(inner: Schema<T>, fallback: T): Schema<T> {
  return schema(inner.expected, (input, path) =>
    input === undefined ? fallback : inner.read(input, path),
  )
}

/** A value that takes `fallback()` whenever it does not decode: for advice, not for truth. */
export function orElse<T, U>(inner: Schema<T>, fallback: () => U): Schema<T | U> {
  return schema(inner.expected, (input, path) => {
    try {
      return inner.read(input, path)
    } catch (error) {
      if (error instanceof DecodeError) return fallback()
      throw error
    }
  })
}

/** Decodes with `inner`, then checks or completes the value (throw with `fail` to refuse it). */
export function map<T, U>(inner: Schema<T>, then: (value: T, path: Path) => U): Schema<U> {
  return schema(inner.expected, (input, path) => then(inner.read(input, path), path))
}

/** A file's two directions: `decode` untrusted JSON, `encode` a value as sorted-key JSON. */
export interface Contract<T> {
  /** The value, or a `DecodeError` naming the field and what it must be. */
  readonly decode: (data: unknown) => T
  /** JSON with the keys sorted at every level, as every file crossing jobs is written. */
  readonly encode: (value: T, indent?: number) => string
}

export function contract<T>(
  subject: string,
  shape: Schema<T>,
  toJson: (value: T) => unknown = (value) => value,
): Contract<T> {
  return {
    decode: (data) => {
      try {
        return shape.read(data, undefined)
      } catch (error) {
        if (!(error instanceof DecodeError) || error.subject !== undefined) throw error
        throw new DecodeError(error.field, error.expected, error.got, subject)
      }
    },
    encode: (value, indent = 0) => stableStringify(toJson(value), indent),
  }
}
