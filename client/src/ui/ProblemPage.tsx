import type { ReactNode } from 'react'
import { START_PATH } from '../routing/route.ts'

/** A page that says what went wrong and offers the way back to the start page (and sometimes more). */
export function ProblemPage({
  title,
  body,
  startLabel,
  children,
}: {
  title: string
  body: string
  startLabel: string
  children?: ReactNode
}) {
  return (
    <main className="wp-message" role="alert">
      <h1>{title}</h1>
      <p>{body}</p>
      <div className="wp-actions">
        {children}
        <a href={START_PATH}>{startLabel}</a>
      </div>
    </main>
  )
}
