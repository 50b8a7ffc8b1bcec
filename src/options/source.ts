import { ACTION_INPUTS } from './action-inputs.js'
import { lines, parseBoolean } from './values.js'

/**
 * Where a command's options come from — the command line or the action's inputs — seen the
 * same way, so that one options module per command checks both alike. Options are named as
 * action.yml names its inputs; the source says how its user wrote them.
 */
export interface OptionSource {
  /** The value given, or `undefined` when not given: then action.yml's default applies. */
  readonly get: (name: string) => string | undefined
  /** A value given several times: the CLI's repeated flag, the action's lines. */
  readonly list: (name: string) => readonly string[]
  /** How a message names the option: `--shards` for the CLI, `shards` for the action. */
  readonly label: (name: string) => string
  /** How a message quotes a setting: `--shards auto` for the CLI, `shards: auto` for the action. */
  readonly setting: (name: string, value: string) => string
}

/**
 * The default action.yml declares for an input: `''` when there is none, or when only the
 * runner can evaluate it (`${{ github.token }}`).
 */
export function actionDefault(name: string): string {
  const value = ACTION_INPUTS[name]?.default ?? ''
  return value.includes('${{') ? '' : value
}

/** The value given, else action.yml's default. */
export function valueOf(source: OptionSource, name: string): string {
  return source.get(name) ?? actionDefault(name)
}

/** The value given, `undefined` when there is none. */
export function given(source: OptionSource, name: string): string | undefined {
  return source.get(name)
}

export function listOf(source: OptionSource, name: string): readonly string[] {
  return source.list(name)
}

export function flagOf(source: OptionSource, name: string): boolean {
  return parseBoolean(source.label(name), valueOf(source, name))
}

/** The command line's flags where they differ from the inputs' names. */
const FLAG_NAMES: Readonly<Record<string, string>> = {
  'timeout-seconds': 'timeout',
  'working-directory': 'root',
}

/**
 * The options of a parsed command line: `str` is a flag's value (`undefined` when absent),
 * `list` a repeatable flag's values, `flag` a boolean flag.
 */
export function cliSource(parsed: {
  readonly str: (flag: string) => string | undefined
  readonly list: (flag: string) => readonly string[]
  readonly flag: (flag: string) => boolean
  readonly booleans: ReadonlySet<string>
}): OptionSource {
  const flagName = (name: string) => FLAG_NAMES[name] ?? name
  return {
    get: (name) => {
      const flag = flagName(name)
      if (parsed.booleans.has(flag)) return parsed.flag(flag) ? 'true' : undefined
      return parsed.str(flag)
    },
    list: (name) => parsed.list(flagName(name)),
    label: (name) => `--${flagName(name)}`,
    setting: (name, value) => `--${flagName(name)} ${value}`,
  }
}

/**
 * The inputs of an action step. A step cannot leave an input out (the runner fills in
 * action.yml's default), so an input is "given" when it differs from its default.
 */
export function actionSource(getInput: (name: string) => string): OptionSource {
  const get = (name: string) => {
    const value = getInput(name)
    return value === '' || value === actionDefault(name) ? undefined : value
  }
  return {
    get,
    list: (name) => lines(get(name) ?? actionDefault(name)),
    label: (name) => name,
    setting: (name, value) => `${name}: ${value}`,
  }
}

/** `source` with some options given a value where the user gave none. */
export function withFallbacks(
  source: OptionSource,
  fallbacks: Readonly<Record<string, string>>,
): OptionSource {
  return { ...source, get: (name) => source.get(name) ?? fallbacks[name] }
}
