import { given, valueOf, type OptionSource } from './source.js'
import { parseFraction, parsePercent } from './values.js'

/** What the verdict and the report take from the user: `combine` and the action's combine step. */
export interface CombineSettings {
  /** Tests flaky in at least this share of recent runs are listed. */
  readonly flakyThreshold: number
  readonly coverageThreshold: number | undefined
  /** With coverage: the git ref whose changed lines are also reported. */
  readonly baseRef: string | undefined
  /** The quarantine list as given; `undefined`: action.yml's default, used when present. */
  readonly quarantine: string | undefined
}

/** The coverage threshold in percent; `undefined` when none is set. Read here only. */
export function coverageThreshold(source: OptionSource): number | undefined {
  const raw = given(source, 'coverage-threshold')
  return raw === undefined ? undefined : parsePercent(source.label('coverage-threshold'), raw)
}

export function combineSettings(source: OptionSource): CombineSettings {
  return {
    flakyThreshold: parseFraction(
      source.label('flaky-threshold'),
      valueOf(source, 'flaky-threshold'),
    ),
    coverageThreshold: coverageThreshold(source),
    baseRef: given(source, 'base-ref'),
    quarantine: given(source, 'quarantine'),
  }
}
