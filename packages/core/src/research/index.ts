/**
 * `@parley/core/research`: GENIUS XML and GeniusWeb JSON scenarios in, GENIUS XML out. An entry of
 * its own, apart from core's main one, because the XML parser it needs (saxes) is CommonJS, which
 * bundlers keep, and run, wherever it is imported: the web app and the command's start-up do not
 * pay for it, and `parley import`/`export` load it when they run.
 */
export {
  exportGenius,
  GENIUS_FILE_NAMES,
  type GeniusExport,
  type GeniusFiles,
} from './genius-writer'
export {
  type ImportedPlanText,
  importedPlanText,
  importResearch,
  type ResearchFile,
  type ResearchImport,
  type ResearchImportInput,
  researchFormatOf,
} from './import'
export { RESEARCH_FORMAT_NAMES, RESEARCH_LIMITS, type ResearchFormat } from './scenario'
