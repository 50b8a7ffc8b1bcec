import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('sorts by column', async () => {
  assert.equal(await work(240), 240)
})

test('paginates', async () => {
  assert.equal(await work(280), 280)
})
