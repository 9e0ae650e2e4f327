/**
 * What `parley import` and `parley export` decide before loading their commands: the plan format a
 * file name gives, and the formats export writes. Kept apart so the verbs load the research code
 * (and its XML parser) only when they run.
 */

/** The plan's format from its name: `.json` is JSON, `.yaml`/`.yml` YAML, anything else none. */
export function importedPlanFormat(file: string): 'json' | 'yaml' | undefined {
  if (/\.json$/i.test(file)) return 'json'
  if (/\.ya?ml$/i.test(file)) return 'yaml'
  return undefined
}

/** What `parley export --as` writes; the documents issue adds its formats here. */
export const EXPORT_FORMATS = ['genius'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
