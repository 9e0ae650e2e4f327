/** The entry of the documents bundle (see document-commands-loader.ts). */
export { exportDocumentCommand } from './commands/export-document'
