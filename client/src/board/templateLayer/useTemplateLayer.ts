import { BLANK_TEMPLATE_ID, type ActionPlanItem, type Role, type Template } from '@werkplaats/shared'
import { useEffect, useState } from 'react'
import type { Signal, TLStore } from 'tldraw'
import type { ControlRoom } from '../../session/controlRoom.ts'
import { fetchTemplate } from '../../api/apiClient.ts'
import { messagesFor } from '../../i18n/messages.ts'
import { followControlRoom, layoutOverrideWriter } from './controlRoom.ts'
import { mountTemplateLayer } from './templateLayer.ts'

/**
 * Shows the session's template on the board once the store is bound: fetches the template (a blank board has
 * none), hands it to the control room, mounts the layer and lets it follow the control room and the action plan. Returns the template for the panels that need it.
 */
export function useTemplateLayer(
  store: TLStore | null,
  control: ControlRoom | null,
  templateId: string,
  role: Role,
  locale: string | null | undefined,
  actionPlan: Signal<readonly ActionPlanItem[]> | null,
): Template | null {
  const [template, setTemplate] = useState<Template | null>(null)
  // The control room lays the template out for every reader of the layout (the layer, voting, view steering).
  useEffect(() => control?.setTemplate(template), [control, template])
  useEffect(() => {
    if (templateId === BLANK_TEMPLATE_ID) return
    const abort = new AbortController()
    fetchTemplate(templateId, abort.signal).then(
      (loaded) => setTemplate(loaded),
      (error: unknown) => {
        if (!abort.signal.aborted) console.warn('Werkplaats: the template could not be loaded', error)
      },
    )
    return () => abort.abort()
  }, [templateId])

  useEffect(() => {
    if (!store || !control) return
    const layer = mountTemplateLayer(store, { onLayoutOverride: layoutOverrideWriter(control) })
    const following = followControlRoom(
      layer,
      control,
      () => ({ template, role, messages: messagesFor(locale).templateLayer }),
      actionPlan ?? undefined,
    )
    return () => {
      following.stop()
      layer.dispose()
    }
  }, [store, control, template, role, locale, actionPlan])
  return template
}
