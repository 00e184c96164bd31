import {
  BLANK_TEMPLATE_ID,
  defaultFacilitationState,
  FACILITATION_MAP,
  layoutTemplate,
  readFacilitation,
  writeFacilitation,
  type FacilitationState,
  type LayoutInputs,
  type Role,
  type Template,
  type TemplateLayout,
} from '@werkplaats/shared'
import { atom, computed, type Signal } from 'tldraw'
import type * as Y from 'yjs'
import { startServerClock, type ServerClock } from './serverClock.ts'

export type TemplateState =
  { readonly kind: 'none' } | { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly template: Template }

export interface FacilitationOptions {
  /** The control room's document (synced by the control room's connection). */
  controlDoc: Y.Doc
  templateId: string
  role: Role
  participantId: string | null
}

/**
 * The facilitation state of one open session, as signals the panels and the view steering read: the control
 * state (from the control room), the template, its layout on the board, and this screen's server clock.
 * Only the facilitator's client writes the control state; the server would close anyone else's connection
 * to the control room, so `write` refuses before anything reaches the document.
 */
export class Facilitation {
  readonly role: Role
  readonly participantId: string | null
  readonly clock: ServerClock
  private readonly doc: Y.Doc
  private readonly stateAtom = atom<FacilitationState>('facilitation state', defaultFacilitationState)
  private readonly templateAtom = atom<TemplateState>('facilitation template', { kind: 'loading' })
  /** Only what the layout depends on, compared by value: a timer tick must not lay the board out again. */
  private readonly layoutInputs: Signal<LayoutInputs>
  readonly layout: Signal<TemplateLayout>

  constructor(options: FacilitationOptions) {
    this.doc = options.controlDoc
    this.role = options.role
    this.participantId = options.participantId
    this.clock = startServerClock()
    this.doc.getMap(FACILITATION_MAP).observe(this.read)
    this.read()
    this.layoutInputs = computed(
      'facilitation layout inputs',
      () => {
        const { rounds, layoutOverrides } = this.stateAtom.get()
        return { rounds, layoutOverrides }
      },
      { isEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
    )
    this.layout = computed('facilitation layout', () => {
      const template = this.templateAtom.get()
      return layoutTemplate(template.kind === 'ready' ? template.template : null, this.layoutInputs.get())
    })
    if (options.templateId === BLANK_TEMPLATE_ID) this.templateAtom.set({ kind: 'none' })
  }

  /**
   * The template, once loaded. The page fetches it once, for the template layer and for us
   * (`board/templateLayer/useTemplateLayer.ts`); until then the panels say it is loading.
   */
  setTemplate(template: Template | null): void {
    if (this.templateAtom.get().kind === 'none') return
    this.templateAtom.set(template ? { kind: 'ready', template } : { kind: 'loading' })
  }

  get state(): Signal<FacilitationState> {
    return this.stateAtom
  }

  get template(): Signal<TemplateState> {
    return this.templateAtom
  }

  get isFacilitator(): boolean {
    return this.role === 'facilitator'
  }

  /** The facilitator's change to the control state, in one transaction (validated before it is written). */
  write(changes: Partial<FacilitationState>): void {
    if (!this.isFacilitator) throw new Error('only the facilitator writes the control state')
    writeFacilitation(this.doc, changes)
  }

  private readonly read = () => this.stateAtom.set(readFacilitation(this.doc))

  dispose(): void {
    this.clock.dispose()
    this.doc.getMap(FACILITATION_MAP).unobserve(this.read)
  }
}
