/**
 * The fonts a PDF embeds: Noto Sans (Latin, Greek, Cyrillic; regular and bold) and Noto Sans SC
 * (Chinese), TrueType files shipped by two npm packages, so nothing is fetched at run time and party
 * or issue names in those scripts are drawn, not dropped. Noto Sans SC alone would not do: it lacks
 * Greek with accents (ά), which Noto Sans has; each character is drawn with the first that has it.
 *
 * The files are found from a module location (`import.meta.url` by default). A CommonJS bundle has
 * no `import.meta.url` of its own: the repository's esbuild settings define it from `__filename`;
 * any other host passes its own location to `locateDocumentFonts` or the bytes to `renderPdf`.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The three font files' bytes. */
export interface DocumentFonts {
  regular: Uint8Array
  bold: Uint8Array
  cjk: Uint8Array
}

/** Where the three font files are on disk. */
export interface DocumentFontPaths {
  regular: string
  bold: string
  cjk: string
}

const FONT_FILES: DocumentFontPaths = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
}

/** The font files' paths, resolved like a `require` from `from` (a file path or `file:` URL). */
export function locateDocumentFonts(from: string | URL = import.meta.url): DocumentFontPaths {
  const require = createRequire(from)
  return {
    regular: require.resolve(FONT_FILES.regular),
    bold: require.resolve(FONT_FILES.bold),
    cjk: require.resolve(FONT_FILES.cjk),
  }
}

// The files are read once per process (about 11 MB, mostly the Chinese font).
const loaded = new Map<string, DocumentFonts>()

/** The font files' bytes, read once per set of paths. */
export function loadDocumentFonts(paths: DocumentFontPaths = locateDocumentFonts()): DocumentFonts {
  const key = `${paths.regular}\n${paths.bold}\n${paths.cjk}`
  const cached = loaded.get(key)
  if (cached) return cached
  const fonts = {
    regular: readFileSync(paths.regular),
    bold: readFileSync(paths.bold),
    cjk: readFileSync(paths.cjk),
  }
  loaded.set(key, fonts)
  return fonts
}
