/**
 * `parley export`: a negotiation's documents for people (`--as counterparty` for the other side,
 * `--as internal` for ours) or a plan for research tools (`--as genius`).
 */
import { DOCUMENT_FORMATS, DOCUMENT_KINDS } from '@parley/core'
import { Option } from 'commander'
import type { ExportOptions } from '../commands/export'
import type { DocumentExportOptions } from '../commands/export-document'
import { loadDocumentCommands } from '../document-commands-loader'
import { EXPORT_FORMATS } from '../research-files'
import { SERVER_FLAG, SERVER_HELP, type Verb } from './verb'

const AUDIENCES = ['counterparty', 'internal'] as const

export const exportVerb: Verb = (program, { context, exit }) => {
  program
    .command('export')
    .description(
      "write a negotiation's documents (--as counterparty: for the other side; --as internal: ours only) or the plan for research tools (--as genius)",
    )
    .argument(
      '<plan>',
      'plan file, or with --server a negotiation (its id or the start of it, its title, or a part of one title)',
    )
    .addOption(
      new Option('--as <audience>', 'who it is for, or the research format')
        .choices([...AUDIENCES, ...EXPORT_FORMATS])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--doc <kind>', 'the document (default: meso for counterparty, brief for internal)').choices(
        DOCUMENT_KINDS,
      ),
    )
    .addOption(
      new Option('--format <format>', "the file's format (default: from -o's extension, else md)").choices(
        DOCUMENT_FORMATS,
      ),
    )
    .requiredOption(
      '-o, --output <path>',
      'the file to write (- for stdout, text formats); with --as genius, a folder',
    )
    .option('--journal <file>', 'journal file (default: PLAN with .journal.jsonl)')
    .option(SERVER_FLAG, SERVER_HELP)
    .option('--force', 'overwrite an existing file')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      [
        '',
        'Documents for the other side (--as counterparty) are built only from what may be shared: the',
        'parties, the issues by name with units, the decision rule as agreed, the bundles offered (or, with',
        'no offer sent yet, the set `parley meso` proposes now), shareable evidence and the agreed terms;',
        'never our reservation, BATNA, limits, weights or notes.',
        '  meso       the MESO sheet: the bundles side by side, each with a line on which of their interests it serves',
        '  terms      the term sheet, once agreed: terms in words and units, measures, remedies, governance',
        '  fairness   the fairness story: the rule, the standards, the trades, a line for their decider',
        '  cadence    the review cadence agreed at close (--format ics gives a recurring calendar event)',
        'Documents for our side only (--as internal), marked confidential on every page:',
        '  brief        the preparation brief: BATNA and reservation, issue map, priorities, counterparty map, evidence, anchor, frontier chart',
        '  concessions  the concession log: every give and get, and what each cost',
        'Formats: md, html, pdf, docx, csv (the main table), ics (cadence only).',
        '',
        '--as genius writes DIR/domain.xml, DIR/profile-us.xml (ours) and DIR/profile-them.xml (our',
        "estimate of them). They hold both sides' weights and our reservation: internal only. Every level",
        "becomes an item, its score the item's evaluation; weights are written normalised. GENIUS divides",
        "each issue's evaluations by the issue's highest, so when every issue has a level scoring 100 (or",
        "scores 0 throughout) GENIUS's utility is exactly U / 100; otherwise it is a fixed multiple of it,",
        'which the command reports. The decision rule and limits are not exported.',
        '',
        'Exit codes: 0 written, 1 the plan is invalid, the document can not be made yet or a file can not be written (nothing is written), 2 bad usage.',
        'Examples:',
        '  parley export examples/sales-saas-renewal.yaml --as counterparty -o offers.pdf',
        '  parley export examples/sales-saas-renewal.yaml --as counterparty --doc terms --format docx -o terms.docx',
        '  parley export examples/sales-saas-renewal.yaml --as internal --doc brief -o brief.html',
        '  parley export examples/sales-saas-renewal.yaml --as genius -o genius/acme',
      ].join('\n'),
    )
    .action(async (plan: string, options: { as: string; doc?: string; format?: string }) => {
      if (options.as === 'genius') {
        if (options.doc || options.format) {
          context.out.error(
            'parley export: --doc and --format are for documents; --as genius writes a folder of XML',
          )
          exit(2)
          return
        }
        // Loaded when it runs: the research code and its XML parser stay out of every other start.
        const { exportCommand } = await import('../commands/export')
        exit(await exportCommand(context, plan, options as unknown as ExportOptions))
        return
      }
      // A bundle of its own: the PDF and DOCX writers and the font load only when a document is made.
      const { exportDocumentCommand } = await loadDocumentCommands()
      exit(await exportDocumentCommand(context, plan, options as unknown as DocumentExportOptions))
    })
}
