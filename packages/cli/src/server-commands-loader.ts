/**
 * The commands that need the server and the database drivers, loaded only when one of them runs.
 * The build puts server-commands.ts in a bundle of its own and recognises this very import
 * (`./server-commands`, from this folder), so keep it here.
 */
export const loadServerCommands = () => import('./server-commands')
