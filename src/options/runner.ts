import { RUNNER_NAMES, type RunnerName } from '../adapters/runners/types.js'
import { valueOf, type OptionSource } from './source.js'
import { parseChoice } from './values.js'

export const RUNNER_CHOICES = ['auto', ...RUNNER_NAMES] as const

/** The runner of the test command: named, or `auto` (detected from the command). */
export function runnerSetting(source: OptionSource): RunnerName | 'auto' {
  return parseChoice(source.label('runner'), valueOf(source, 'runner'), RUNNER_CHOICES)
}
