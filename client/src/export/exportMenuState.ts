import { atom } from 'tldraw'

/**
 * Whether the export menu ("Exporteren", in the session panel) is open. Its own owner, so the closing's "Samenvatting
 * delen" can open the one menu there is rather than a second one; a page shows one session, so one per page.
 */
export const exportMenuOpen = atom('export menu open', false)
