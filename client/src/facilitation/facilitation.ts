import type { FacilitationState, Role, TemplateLayout } from '@werkplaats/shared'
import type { Signal } from 'tldraw'
import { fetchServerTime } from '../api/apiClient.ts'
import type { ControlRoom, TemplateState } from '../session/controlRoom.ts'
import { startServerClock, type ServerClock } from '../timer/serverClock.ts'

export type { TemplateState } from '../session/controlRoom.ts'

export interface FacilitationOptions {
  /** The session's control room: the owner of the facilitation state, the template and its layout. */
  control: ControlRoom
  participantId: string | null
  /** This screen's server clock; by default one that asks the server for its time. */
  clock?: ServerClock
}

/**
 * The facilitation of one open session as this screen takes part in it: who we are, this screen's server clock,
 * and the control room's signals the panels and the view steering read. The control room owns the state and its
 * writes; this adds nothing to them.
 */
export class Facilitation {
  readonly participantId: string | null
  readonly clock: ServerClock
  readonly #control: ControlRoom

  constructor(options: FacilitationOptions) {
    this.#control = options.control
    this.participantId = options.participantId
    this.clock = options.clock ?? startServerClock(fetchServerTime)
  }

  get role(): Role {
    return this.#control.role
  }

  get isFacilitator(): boolean {
    return this.#control.isFacilitator
  }

  get state(): Signal<FacilitationState> {
    return this.#control.facilitation
  }

  get template(): Signal<TemplateState> {
    return this.#control.template
  }

  get layout(): Signal<TemplateLayout> {
    return this.#control.layout
  }

  /** The facilitator's change to the control state (the control room refuses anyone else's). */
  write(changes: Partial<FacilitationState>): void {
    this.#control.write(changes)
  }

  dispose(): void {
    this.clock.dispose()
  }
}
