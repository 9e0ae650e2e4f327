/**
 * Each page's own title in the tab and history: the page, then where it sits (a negotiation, a
 * workspace), then the app — "Prepare — Calder renewal — Parley" — so tabs and bookmarks tell
 * pages apart.
 */
import { useEffect } from 'react'

export const APP_NAME = 'Parley'

/** The title from the most specific part to the least; empty parts are left out. */
export function pageTitle(...parts: (string | undefined)[]): string {
  return [...parts.map((part) => part?.trim()).filter(Boolean), APP_NAME].join(' — ')
}

/** Sets the document's title while the page shows; nothing when `parts` is undefined. */
export function usePageTitle(parts: readonly (string | undefined)[] | undefined): void {
  const title = parts ? pageTitle(...parts) : undefined
  useEffect(() => {
    if (title !== undefined) document.title = title
  }, [title])
}
