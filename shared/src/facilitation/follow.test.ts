import { describe, expect, it } from 'vitest'
import { isFollowing, joinView, nextView } from './follow.ts'
import type { FollowControl, ParticipantView } from './follow.ts'

const here = { x: 100, y: 200, w: 1600, h: 900 }
const noControl: FollowControl = { stageId: null, follow: null, summon: null }

function control(changes: Partial<FollowControl>): FollowControl {
  return { ...noControl, ...changes }
}

function joined(c: FollowControl = noControl): ParticipantView {
  return joinView('anna', c).view
}

describe('follow and summon', () => {
  it('a newcomer follows: goes to the current stage, or tracks the facilitator while "Volg mij" is on', () => {
    expect(joinView('anna', control({ stageId: 'welkom' })).effects).toEqual([
      { kind: 'go-to-stage', stageId: 'welkom' },
    ])
    const following = joinView('anna', control({ stageId: 'welkom', follow: { participantId: 'fac', nonce: 1 } }))
    expect(isFollowing(following.view)).toBe(true)
    expect(following.effects).toEqual([{ kind: 'track', participantId: 'fac' }])
  })

  it('a summon from before joining does not move a newcomer', () => {
    const { effects } = joinView('anna', control({ summon: { nonce: 4, viewport: here } }))
    expect(effects).toEqual([])
  })

  it('a stage change brings a following view to the stage frame', () => {
    const view = joined(control({ stageId: 'welkom' }))
    const next = nextView(view, { type: 'control', control: control({ stageId: 'startpunt' }) })
    expect(next.effects).toEqual([{ kind: 'go-to-stage', stageId: 'startpunt' }])
    // The same state again (another field changed): nothing to do.
    expect(nextView(next.view, { type: 'control', control: control({ stageId: 'startpunt' }) }).effects).toEqual([])
  })

  it('panning away steps out; the next stage change brings the view along and it follows again', () => {
    const view = joined(control({ stageId: 'welkom' }))
    const free = nextView(view, { type: 'panned' })
    expect(isFollowing(free.view)).toBe(false)
    expect(nextView(free.view, { type: 'panned' }).effects).toEqual([])
    // Another field of the control room changed, not the stage: the free view is left alone.
    const same = nextView(free.view, { type: 'control', control: control({ stageId: 'welkom' }) })
    expect(same.effects).toEqual([])
    expect(isFollowing(same.view)).toBe(false)
    const staged = nextView(free.view, { type: 'control', control: control({ stageId: 'startpunt' }) })
    expect(staged.effects).toEqual([{ kind: 'go-to-stage', stageId: 'startpunt' }])
    expect(isFollowing(staged.view)).toBe(true)
  })

  it('who stepped out of "Volg mij" tracks the facilitator again from the next stage change', () => {
    const c = { follow: { participantId: 'fac', nonce: 1 } }
    const free = nextView(joined(control({ stageId: 'welkom', ...c })), { type: 'panned' })
    expect(free.effects).toEqual([{ kind: 'stop-tracking' }])
    const staged = nextView(free.view, { type: 'control', control: control({ stageId: 'startpunt', ...c }) })
    expect(isFollowing(staged.view)).toBe(true)
    expect(staged.effects).toEqual([{ kind: 'track', participantId: 'fac' }])
  })

  it('"Stop met volgen" and "Volg de facilitator" step out and back in', () => {
    const c = control({ stageId: 'kaderen', follow: { participantId: 'fac', nonce: 2 } })
    const free = nextView(joined(c), { type: 'step-out' }).view
    expect(isFollowing(free)).toBe(false)
    const back = nextView(free, { type: 'rejoin', control: c })
    expect(isFollowing(back.view)).toBe(true)
    expect(back.effects).toEqual([{ kind: 'track', participantId: 'fac' }])
    const backToStage = nextView(nextView(joined(control({ stageId: 'kaderen' })), { type: 'panned' }).view, {
      type: 'rejoin',
      control: control({ stageId: 'kaderen' }),
    })
    expect(backToStage.effects).toEqual([{ kind: 'go-to-stage', stageId: 'kaderen' }])
  })

  it('a new "Volg mij" brings back who stepped out; the old one does not', () => {
    const free = nextView(joined(control({ follow: { participantId: 'fac', nonce: 1 } })), { type: 'panned' }).view
    const same = nextView(free, { type: 'control', control: control({ follow: { participantId: 'fac', nonce: 1 } }) })
    expect(isFollowing(same.view)).toBe(false)
    const again = nextView(free, { type: 'control', control: control({ follow: { participantId: 'fac', nonce: 2 } }) })
    expect(isFollowing(again.view)).toBe(true)
    expect(again.effects).toEqual([{ kind: 'track', participantId: 'fac' }])
  })

  it('follow turned off stops tracking but keeps following the stages', () => {
    const view = joined(control({ stageId: 'welkom', follow: { participantId: 'fac', nonce: 1 } }))
    const off = nextView(view, { type: 'control', control: control({ stageId: 'welkom' }) })
    expect(off.effects).toEqual([{ kind: 'stop-tracking' }])
    expect(isFollowing(off.view)).toBe(true)
    expect(nextView(off.view, { type: 'control', control: control({ stageId: 'kaderen' }) }).effects).toEqual([
      { kind: 'go-to-stage', stageId: 'kaderen' },
    ])
  })

  it("while tracking, a stage change is left to the facilitator's view", () => {
    const c = { follow: { participantId: 'fac', nonce: 1 } }
    const view = joined(control({ stageId: 'welkom', ...c }))
    expect(nextView(view, { type: 'control', control: control({ stageId: 'startpunt', ...c }) }).effects).toEqual([])
  })

  it('a summon jumps once, in either mode, and leaves the view following', () => {
    const summoned = control({ stageId: 'welkom', summon: { nonce: 1, viewport: here } })
    const free = nextView(joined(control({ stageId: 'welkom' })), { type: 'panned' }).view
    for (const view of [joined(control({ stageId: 'welkom' })), free]) {
      const jumped = nextView(view, { type: 'control', control: summoned })
      expect(jumped.effects).toEqual([{ kind: 'jump', viewport: here }])
      expect(isFollowing(jumped.view)).toBe(true)
      expect(nextView(jumped.view, { type: 'control', control: summoned }).effects).toEqual([])
    }
  })

  it('a summon while "Volg mij" is on jumps, then tracks the facilitator again', () => {
    const c = { stageId: 'welkom', follow: { participantId: 'fac', nonce: 1 } }
    const free = nextView(joined(control(c)), { type: 'panned' }).view
    const jumped = nextView(free, { type: 'control', control: control({ ...c, summon: { nonce: 1, viewport: here } }) })
    expect(jumped.effects).toEqual([
      { kind: 'jump', viewport: here },
      { kind: 'track', participantId: 'fac' },
    ])
  })

  it('the facilitator never tracks themself', () => {
    const { effects } = joinView('fac', control({ stageId: 'welkom', follow: { participantId: 'fac', nonce: 1 } }))
    expect(effects).toEqual([{ kind: 'go-to-stage', stageId: 'welkom' }])
  })
})
