// subset-font ships no type declarations; this is the part of its API the PDF uses.
declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: {
      targetFormat?: 'truetype' | 'sfnt' | 'woff' | 'woff2'
      noHinting?: boolean
      keepFeatures?: string[]
    },
  ): Promise<Uint8Array>
}
