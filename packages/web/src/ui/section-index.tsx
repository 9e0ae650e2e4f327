/**
 * An in-page index for a long page: each top-level `Section` with an id lists itself while it is
 * shown, so the index follows the page as sections come and go (and as their titles change)
 * without a second list of titles to keep in step. Sections nested in another are left out: the
 * index is the page's outline, not every box on it.
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react'

export interface IndexedSection {
  id: string
  title: string
}

export interface Registry {
  /** Lists a section; the returned function takes it off again. */
  add(section: IndexedSection): () => void
}

const RegistryContext = createContext<Registry | undefined>(undefined)
/** True inside a section, so a section within it does not list itself. */
const WithinSection = createContext(false)

/** In the order the sections stand in the document, whatever order they listed themselves in. */
function inDocumentOrder(sections: readonly IndexedSection[]): IndexedSection[] {
  return [...sections].sort((a, b) => {
    const first = document.getElementById(a.id)
    const second = document.getElementById(b.id)
    if (!first || !second) return 0
    return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
  })
}

/** The sections listed within a `SectionIndexScope` of this registry, and the registry. */
export function useSectionIndex(): { sections: IndexedSection[]; registry: Registry } {
  const [sections, setSections] = useState<IndexedSection[]>([])
  const registry = useMemo<Registry>(
    () => ({
      add(section) {
        setSections((listed) =>
          listed.some((item) => item.id === section.id && item.title === section.title)
            ? listed
            : inDocumentOrder([...listed.filter((item) => item.id !== section.id), section]),
        )
        return () => setSections((listed) => listed.filter((item) => item.id !== section.id))
      },
    }),
    [],
  )
  return { sections, registry }
}

/** The part of the page whose sections list themselves in the registry's index. */
export function SectionIndexScope({ registry, children }: { registry: Registry; children: ReactNode }) {
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>
}

/** Lists a section in the index above it, if there is one and the section is at the top level. */
export function useIndexedSection(id: string | undefined, title: ReactNode): void {
  const registry = useContext(RegistryContext)
  const nested = useContext(WithinSection)
  const text = typeof title === 'string' ? title : undefined
  useEffect(() => {
    if (!registry || nested || !id || !text) return
    return registry.add({ id, title: text })
  }, [registry, nested, id, text])
}

/** What a section wraps its content in, so the sections inside it stay out of the index. */
export function WithinSectionMark({ children }: { children: ReactNode }) {
  return <WithinSection.Provider value={true}>{children}</WithinSection.Provider>
}

/** The index itself: a list of links to the sections' headings. */
export function SectionIndex({ sections, label }: { sections: readonly IndexedSection[]; label: string }) {
  return (
    <nav className="section-index" aria-label={label}>
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
