/**
 * The command that writes documents (PDF, DOCX and their font), loaded only when it runs. The build
 * puts document-commands.ts in a bundle of its own and recognises this very import
 * (`./document-commands`, from this folder), so keep it here.
 */
export const loadDocumentCommands = () => import('./document-commands')
