/** For tests: the readers of the binary formats and hand-written documents to render. */
export * from './documents'
export * from './read'
