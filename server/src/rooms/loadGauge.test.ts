import { describe, expect, it } from 'vitest'
import { LoadGauge } from './loadGauge.ts'

describe('LoadGauge', () => {
  it('slows best-effort traffic down fast under load and lets it recover gently', () => {
    const samples = [0.95, 0.95, 0.95, 0.6, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2]
    const gauge = new LoadGauge({ sample: () => samples.shift() ?? 0 })
    const seen: number[] = []
    for (let i = 0; i < 11; i++) {
      gauge.update()
      seen.push(Math.round(gauge.slowdown * 100) / 100)
    }
    expect(seen).toEqual([2, 4, 8, 8, 5.33, 3.56, 2.37, 1.58, 1.05, 1, 1])
  })

  it('never slows down past its maximum', () => {
    const gauge = new LoadGauge({ sample: () => 1, maxSlowdown: 4 })
    for (let i = 0; i < 10; i++) gauge.update()
    expect(gauge.slowdown).toBe(4)
  })

  it('reads the real event loop by default', async () => {
    const gauge = new LoadGauge()
    const until = performance.now() + 50
    while (performance.now() < until) {
      // keep the loop busy
    }
    gauge.update()
    expect(gauge.slowdown).toBe(2)
  })
})
