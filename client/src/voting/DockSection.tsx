import { useId, useState, type ReactNode } from 'react'
import { useMessages } from '../i18n/useMessages.tsx'

/** A panel of the dock with a heading that folds it away (keyboard: the heading is a button). */
export function DockSection({
  title,
  initiallyOpen = true,
  children,
}: {
  title: string
  initiallyOpen?: boolean
  children: ReactNode
}) {
  const messages = useMessages().voting
  const [open, setOpen] = useState(initiallyOpen)
  const bodyId = useId()
  const headingId = useId()
  return (
    <section className="wp-voting-section" aria-labelledby={headingId}>
      <h2 className="wp-voting-section__heading" id={headingId}>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          title={open ? messages.hide(title) : messages.show(title)}
          onClick={() => setOpen((o) => !o)}
        >
          {title}
        </button>
      </h2>
      <div id={bodyId} hidden={!open} className="wp-voting-section__body">
        {children}
      </div>
    </section>
  )
}
