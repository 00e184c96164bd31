import { z } from 'zod'
import { readJson, writeJson } from '../storage/localStore.ts'

/** The drawer's tabs, in the order they stand beside the board. */
export const drawerTabs = ['stage', 'voting', 'actions', 'participants'] as const
export type DrawerTab = (typeof drawerTabs)[number]

const drawerStateSchema = z.object({
  open: z.boolean(),
  tab: z.enum(drawerTabs),
})

/** Whether the room's drawer is open, and on which tab. */
export type DrawerState = z.infer<typeof drawerStateSchema>

/** Closed, so the board has the whole width until the person asks for a panel. */
export const closedDrawer: DrawerState = { open: false, tab: 'stage' }

/** What a tab's button does: opens the drawer on it, or closes the drawer when that tab is already showing. */
export function pressTab(state: DrawerState, tab: DrawerTab): DrawerState {
  return state.open && state.tab === tab ? { open: false, tab } : { open: true, tab }
}

/** One entry per session: a person in two sessions keeps each one's drawer as they left it. */
export function drawerStorageKey(sessionId: string): string {
  return `werkplaats:drawer:${sessionId}`
}

/** The remembered state, or the closed drawer when nothing (or something unreadable) was kept. */
export function readDrawerState(storage: Storage | null, sessionId: string): DrawerState {
  const parsed = drawerStateSchema.safeParse(readJson(storage, drawerStorageKey(sessionId)))
  return parsed.success ? parsed.data : closedDrawer
}

export function writeDrawerState(storage: Storage | null, sessionId: string, state: DrawerState): void {
  writeJson(storage, drawerStorageKey(sessionId), state)
}
