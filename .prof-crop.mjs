import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
const [file, y, h, out] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5]]
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const p = await b.newPage({ viewport: { width: 1280, height: h } })
await p.setContent(`<body style="margin:0"><img src="data:image/png;base64,${readFileSync(file).toString('base64')}"></body>`)
await p.screenshot({ path: out, clip: { x: 0, y, width: 1280, height: h } })
await b.close()
