/**
 * GitHub Actions expressions (`${{ … }}`), as far as the workflows under test use them:
 * literals, context properties (`inputs.runs-on`, `needs.plan.outputs.matrix`), `!`, `==`,
 * `!=`, `&&`, `||`, parentheses, and the functions the caller supplies (`success()`,
 * `fromJSON(…)`). Anything else throws, so that a workflow using more than this is never
 * silently misread. Semantics follow GitHub's: loose equality (case-insensitive strings,
 * numbers otherwise), `&&`/`||` return an operand, a missing property is `null`.
 */

export type Value = string | number | boolean | null | readonly Value[] | { [key: string]: Value }

export interface ExpressionContext {
  readonly values: Readonly<Record<string, Value>>
  readonly functions?: Readonly<Record<string, (...args: Value[]) => Value>>
}

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string }

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const rest = text.slice(i)
    const space = /^\s+/.exec(rest)
    if (space) {
      i += space[0].length
      continue
    }
    if (rest.startsWith("'")) {
      let value = ''
      let j = 1
      for (;;) {
        if (j >= rest.length) throw new Error(`unterminated string in \`${text}\``)
        if (rest[j] === "'") {
          if (rest[j + 1] === "'") {
            value += "'"
            j += 2
            continue
          }
          break
        }
        value += rest.charAt(j)
        j++
      }
      tokens.push({ kind: 'string', value })
      i += j + 1
      continue
    }
    const number = /^-?\d+(?:\.\d+)?/.exec(rest)
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) })
      i += number[0].length
      continue
    }
    const name = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest)
    if (name) {
      tokens.push({ kind: 'name', value: name[0] })
      i += name[0].length
      continue
    }
    const op = /^(?:==|!=|&&|\|\||[!().,])/.exec(rest)
    if (!op) throw new Error(`unsupported syntax at \`${rest}\` in \`${text}\``)
    tokens.push({ kind: 'op', value: op[0] })
    i += op[0].length
  }
  return tokens
}

export function truthy(value: Value): boolean {
  return !(value === null || value === false || value === 0 || value === '' || Number.isNaN(value))
}

function toNumber(value: Value): number {
  if (value === null) return 0
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return value
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value)
  return Number.NaN
}

function looselyEqual(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase()
  if (typeof a === typeof b && typeof a !== 'object') return a === b
  if (a === null && b === null) return true
  if (typeof a === 'object' || typeof b === 'object') return a === b
  return toNumber(a) === toNumber(b)
}

/** Evaluates one expression (the text inside `${{ }}`, or a bare `if:`). */
export function evaluate(text: string, context: ExpressionContext): Value {
  const tokens = tokenize(text)
  let at = 0
  const peek = () => tokens[at]
  const isOp = (value: string) => {
    const token = peek()
    return token?.kind === 'op' && token.value === value
  }
  const expect = (value: string) => {
    if (!isOp(value)) throw new Error(`expected \`${value}\` in \`${text}\``)
    at++
  }

  const primary = (): Value => {
    const token = tokens[at++]
    if (token === undefined) throw new Error(`unexpected end of \`${text}\``)
    if (token.kind === 'string' || token.kind === 'number') return token.value
    if (token.kind === 'op') {
      if (token.value === '!') return !truthy(primary())
      if (token.value === '(') {
        const value = or()
        expect(')')
        return value
      }
      throw new Error(`unexpected \`${token.value}\` in \`${text}\``)
    }
    if (token.value === 'true') return true
    if (token.value === 'false') return false
    if (token.value === 'null') return null
    if (isOp('(')) {
      at++
      const args: Value[] = []
      while (!isOp(')')) {
        args.push(or())
        if (isOp(',')) at++
      }
      expect(')')
      const fn = context.functions?.[token.value]
      if (!fn) throw new Error(`unsupported function \`${token.value}()\` in \`${text}\``)
      return fn(...args)
    }
    if (!(token.value in context.values))
      throw new Error(`unknown context \`${token.value}\` in \`${text}\``)
    let value: Value = context.values[token.value] ?? null
    while (isOp('.')) {
      at++
      const property = tokens[at++]
      if (property?.kind !== 'name') throw new Error(`expected a property name in \`${text}\``)
      value =
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? ((value as Record<string, Value>)[property.value] ?? null)
          : null
    }
    return value
  }
  const comparison = (): Value => {
    let left = primary()
    while (isOp('==') || isOp('!=')) {
      const negate = isOp('!=')
      at++
      const equal = looselyEqual(left, primary())
      left = negate ? !equal : equal
    }
    return left
  }
  const and = (): Value => {
    let left = comparison()
    while (isOp('&&')) {
      at++
      const right = comparison()
      left = truthy(left) ? right : left
    }
    return left
  }
  const or = (): Value => {
    let left = and()
    while (isOp('||')) {
      at++
      const right = and()
      left = truthy(left) ? left : right
    }
    return left
  }

  const value = or()
  if (at !== tokens.length) throw new Error(`unexpected trailing tokens in \`${text}\``)
  return value
}

/** A value as `${{ }}` puts it into text. */
export function asText(value: Value): string {
  if (value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g

/**
 * A workflow value with its `${{ }}` evaluated: a value that is one expression keeps the
 * expression's type; text around expressions makes a string.
 */
export function interpolate(raw: unknown, context: ExpressionContext): Value {
  if (typeof raw !== 'string') return (raw ?? null) as Value
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(raw)
  if (whole && !(whole[1] ?? '').includes('}}')) return evaluate(whole[1] ?? '', context)
  return raw.replace(TEMPLATE, (_, expression: string) => asText(evaluate(expression, context)))
}

/** An `if:` condition: `${{ }}` optional, as GitHub reads it. */
export function condition(raw: unknown, context: ExpressionContext, fallback: string): boolean {
  const text = typeof raw === 'string' ? raw : typeof raw === 'boolean' ? String(raw) : fallback
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text)
  return truthy(evaluate(whole ? (whole[1] ?? '') : text, context))
}
