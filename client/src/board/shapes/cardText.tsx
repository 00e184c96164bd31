import type { ReactNode } from 'react'
import { stopEventPropagation } from 'tldraw'

/**
 * Small pieces the template cards are made of. Every text is a React child, never HTML: template text is
 * data, and a card must not become a way to put markup on someone's screen.
 */

/** Paragraphs separated by a blank line (the template's convention); single line breaks stay (CSS pre-line). */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i} className={className ?? 'wp-tpl-text'}>
          {paragraph}
        </p>
      ))}
    </>
  )
}

export function Heading({ children }: { children: ReactNode }) {
  return <h3 className="wp-tpl-heading">{children}</h3>
}

/** Only https links are followed: the schema allows nothing else, and a tampered record must not run script. */
export function isSafeLink(url: string): boolean {
  return /^https:\/\/[^\s]+$/.test(url)
}

/**
 * A link that works on the canvas: it takes pointer events itself (shapes do not), and stops them from
 * reaching the editor, which would otherwise start a selection or a drag instead of opening the page.
 */
export function ExternalLink({ url }: { url: string }) {
  if (!isSafeLink(url)) return <span className="wp-tpl-link">{url}</span>
  return (
    <a
      className="wp-tpl-link"
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      draggable={false}
      onPointerDown={stopEventPropagation}
      onPointerUp={stopEventPropagation}
    >
      {url}
    </a>
  )
}
