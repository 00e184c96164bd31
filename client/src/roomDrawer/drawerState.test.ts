import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../storage/memoryStorage.ts'
import { closedDrawer, drawerStorageKey, pressTab, readDrawerState, writeDrawerState } from './drawerState.ts'

describe('the room drawer', () => {
  it('is closed until someone opens it, so the board keeps the whole width', () => {
    expect(readDrawerState(memoryStorage(), 's1')).toEqual(closedDrawer)
    expect(readDrawerState(null, 's1')).toEqual(closedDrawer)
  })

  it('opens on the pressed tab, switches tabs, and closes when the open tab is pressed again', () => {
    const voting = pressTab(closedDrawer, 'voting')
    expect(voting).toEqual({ open: true, tab: 'voting' })
    expect(pressTab(voting, 'participants')).toEqual({ open: true, tab: 'participants' })
    expect(pressTab(voting, 'voting')).toEqual({ open: false, tab: 'voting' })
  })

  it('is remembered per session across reloads', () => {
    const storage = memoryStorage()
    writeDrawerState(storage, 's1', { open: true, tab: 'actions' })
    expect(readDrawerState(storage, 's1')).toEqual({ open: true, tab: 'actions' })
    expect(readDrawerState(storage, 's2')).toEqual(closedDrawer)
  })

  it('falls back to closed on anything unreadable that was kept', () => {
    const storage = memoryStorage()
    for (const kept of ['{', '"open"', '{"open":true,"tab":"elsewhere"}', '{"open":"yes","tab":"stage"}', 'null']) {
      storage.setItem(drawerStorageKey('s1'), kept)
      expect(readDrawerState(storage, 's1')).toEqual(closedDrawer)
    }
  })
})
