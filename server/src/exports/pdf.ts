import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  clockTime,
  groupName,
  minutesText,
  percent,
  type RenderOptions,
  resolveOptions,
  type SessionSummary,
  type SummaryLabels,
  stageName,
  summaryDecisions,
  withAndWithoutVotes,
  localDateTime,
  cutText,
  MAX_STICKY_TEXT_CHARS,
} from '@werkplaats/shared'
import PDFDocument from 'pdfkit'

/**
 * The summary as an A4 PDF report, made on the server with pdfkit (no browser): a first page with the decisions
 * and the action plan (what a facilitator forwards), then the agenda with times, each vote round as a bar chart
 * (the cards nobody chose on one line), the plays as tables, the stickies per stage, and page numbers. DejaVu Sans is embedded (subset) from the `dejavu-fonts-ttf` package, so every Latin, Greek and
 * Cyrillic name and diacritic shows; nothing is fetched at run time.
 */

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
let fonts: { regular: Buffer; bold: Buffer } | undefined
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
  }
  return fonts
}

const MARGIN = 56
const INK = '#1f2933'
const MUTED = '#52606d'
const BAR = '#2f6fde'
const RULE = '#cbd2d9'
/** A table cell longer than this is cut: one cell may not outgrow a page. The stickies list keeps text whole. */
const MAX_CELL = 600
/** A heading is one line or two. */
const MAX_HEADING = 200

type Doc = PDFKit.PDFDocument

interface Column {
  header: string
  /** Share of the table's width. */
  width: number
  align?: 'left' | 'right'
}

/**
 * pdfkit breaks a line only where Unicode allows it (spaces, hyphens, between ideographs). A longer run without
 * such a place (a pasted hash, 10,000 letters) it chops by measuring the rest of the run again for every line:
 * the square of the run's length. A zero-width space every `MAX_UNBROKEN` characters of such a run gives it a
 * place to break that shows nothing and that pdftotext does not copy; real words are shorter and never get one.
 */
const MAX_UNBROKEN = 60
const ZERO_WIDTH_SPACE = '\u200B'

function isBreak(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x200b || code === 0x2d /* - */
}

/** `text` with a zero-width space in every run of `MAX_UNBROKEN` characters without a break; one pass. */
export function breakLongRuns(text: string): string {
  let out = ''
  let from = 0
  let run = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isBreak(code)) {
      run = 0
      continue
    }
    // Never between the halves of a surrogate pair (an emoji).
    if (run >= MAX_UNBROKEN && !(code >= 0xdc00 && code <= 0xdfff)) {
      out += `${text.slice(from, i)}${ZERO_WIDTH_SPACE}`
      from = i
      run = 0
    }
    run++
  }
  return from === 0 ? text : `${out}${text.slice(from)}`
}

/** User text as pdfkit gets it: cut to `max` with `…`, and with a place to break in every long run. */
function cut(text: string, max = MAX_CELL): string {
  return breakLongRuns(cutText(text, max))
}

class Report {
  readonly doc: Doc
  readonly l: SummaryLabels

  constructor(doc: Doc, labels: SummaryLabels) {
    this.doc = doc
    this.l = labels
  }

  get width(): number {
    return this.doc.page.width - 2 * MARGIN
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN
  }

  /** Starts a new page when less than `height` is left on this one. */
  room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage()
  }

  heading(text: string, level: 1 | 2): void {
    const size = level === 1 ? 18 : 13
    this.room(size * 3)
    // Space above a heading, except at the top of a page.
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.moveDown(level === 1 ? 1.2 : 0.6)
    this.doc
      .font('bold')
      .fontSize(size)
      .fillColor(INK)
      .text(cut(text, MAX_HEADING), MARGIN, this.doc.y, { width: this.width })
    this.doc.moveDown(0.4)
  }

  paragraph(text: string, options: { muted?: boolean; size?: number } = {}): void {
    this.doc
      .font('regular')
      .fontSize(options.size ?? 10)
      .fillColor(options.muted ? MUTED : INK)
      .text(cut(text, MAX_STICKY_TEXT_CHARS), MARGIN, this.doc.y, { width: this.width })
    this.doc.moveDown(0.3)
  }

  table(columns: Column[], rows: string[][]): void {
    const doc = this.doc
    const pad = 4
    const widths = columns.map((c) => c.width * this.width)
    const heightOf = (cells: string[], font: string) => {
      doc.font(font).fontSize(9)
      return (
        Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * pad }))) +
        2 * pad
      )
    }
    const drawRow = (cells: string[], font: string, shade: boolean) => {
      const height = heightOf(cells, font)
      const top = doc.y
      if (shade) doc.rect(MARGIN, top, this.width, height).fill('#f0f4f8')
      let x = MARGIN
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0
        doc
          .font(font)
          .fontSize(9)
          .fillColor(INK)
          .text(cell, x + pad, top + pad, { width: w - 2 * pad, align: columns[i]?.align ?? 'left' })
        x += w
      })
      doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + this.width, top + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke()
      doc.x = MARGIN
      doc.y = top + height
    }
    const header = columns.map((c) => c.header)
    this.room(heightOf(header, 'bold') + 20)
    drawRow(header, 'bold', true)
    for (const row of rows.map((cells) => cells.map((cell) => cut(cell)))) {
      if (doc.y + heightOf(row, 'regular') > this.bottom) {
        doc.addPage()
        drawRow(header, 'bold', true)
      }
      drawRow(row, 'regular', false)
    }
    doc.moveDown(0.6)
  }

  /** One bar per option, longest for the most votes, with the count and the share of voters beside it. */
  barChart(bars: Array<{ label: string; votes: number; share: number }>): void {
    const doc = this.doc
    const labelWidth = this.width * 0.45
    const barLeft = MARGIN + labelWidth + 8
    const barMax = this.width - labelWidth - 8 - 70
    const most = Math.max(1, ...bars.map((b) => b.votes))
    for (const bar of bars) {
      const label = cut(bar.label, 300)
      doc.font('regular').fontSize(9)
      const height = Math.max(14, doc.heightOfString(label, { width: labelWidth })) + 4
      this.room(height)
      const top = doc.y
      doc.fillColor(INK).text(label, MARGIN, top, { width: labelWidth })
      const length = (bar.votes / most) * barMax
      if (length > 0) doc.rect(barLeft, top + 1, length, 10).fill(BAR)
      doc
        .fillColor(INK)
        .text(`${bar.votes} (${percent(bar.share)})`, barLeft + length + 6, top, { width: 70, lineBreak: false })
      doc.x = MARGIN
      doc.y = top + height
    }
    doc.moveDown(0.5)
  }

  bullet(full: string): void {
    const doc = this.doc
    // A sticky's text is cut to MAX_STICKY_TEXT_CHARS already; its votes follow it.
    const text = cut(full, MAX_STICKY_TEXT_CHARS + 100)
    doc.font('regular').fontSize(10)
    this.room(Math.min(doc.heightOfString(text, { width: this.width - 14 }), 60) + 4)
    const top = doc.y
    doc.fillColor(MUTED).text('•', MARGIN, top, { width: 10, lineBreak: false })
    doc.fillColor(INK).text(text, MARGIN + 14, top, { width: this.width - 14 })
    doc.x = MARGIN
    doc.moveDown(0.2)
  }

  link(label: string, url: string): void {
    this.doc
      .font('regular')
      .fontSize(9)
      .fillColor(BAR)
      .text(`${label} ${url}`, MARGIN, this.doc.y, { width: this.width, link: url, underline: true })
  }
}

/** The top of the first page: what the session was, in a few lines, so the decisions below fit on the same page. */
function header(r: Report, summary: SessionSummary, language: 'nl' | 'en', timeZone: string): void {
  const { doc, l } = r
  doc.font('regular').fontSize(11).fillColor(MUTED).text(l.summary, MARGIN, doc.y, { width: r.width })
  doc.font('bold').fontSize(20).fillColor(INK).text(cut(summary.session.title, 200), { width: r.width })
  doc.moveDown(0.3)
  const facts = [`${l.date}: ${summary.session.date}`, `${l.template}: ${summary.template?.title ?? l.blankBoard}`]
  if (summary.duration) {
    const { startedAt, endedAt, ms } = summary.duration
    facts.push(
      `${l.duration}: ${minutesText(ms, language)} (${clockTime(startedAt, timeZone)}–${clockTime(endedAt, timeZone)})`,
    )
  }
  facts.push(`${l.participants}: ${summary.participants.count}`)
  r.paragraph(facts.join(' · '), { muted: true, size: 9 })
  const names = summary.participants.names
  if (names && names.length > 0) r.paragraph(names.map((n) => cut(n, 100)).join(', '), { muted: true, size: 9 })
  r.paragraph(`${l.exportedAt}: ${localDateTime(summary.session.exportedAt, timeZone, language)}`, {
    muted: true,
    size: 8,
  })
}

/** "Besluiten en acties": the page a facilitator forwards, with what the team chose and will do. */
function decisionsPage(r: Report, summary: SessionSummary): void {
  const { l } = r
  const decisions = summaryDecisions(summary)
  r.heading(l.decisions, 1)
  if (decisions.principles.length > 0) {
    r.heading(l.principles, 2)
    for (const p of decisions.principles) r.bullet(`${p.number}. ${p.title} (${l.pass(p.round)})`)
  }
  if (decisions.topQuestions.length > 0) {
    r.heading(l.topQuestions, 2)
    for (const round of decisions.topQuestions) {
      for (const q of round.questions) r.bullet(`${q.label} (${l.voteCount(q.votes)})`)
    }
  }
  if (decisions.plays.length > 0) {
    r.heading(l.chosenPlays, 2)
    for (const play of decisions.plays) r.bullet(`${play.title}: ${play.question}`)
  }
  r.heading(l.actionPlan, 2)
  actionPlanTable(r, summary)
}

function actionPlanTable(r: Report, summary: SessionSummary): void {
  const { l } = r
  if (summary.actionPlan.length === 0) r.paragraph(l.noActionPlan, { muted: true })
  else {
    r.table(
      [
        { header: l.action, width: 0.34 },
        { header: l.owner, width: 0.18 },
        { header: l.firstStep, width: 0.32 },
        { header: l.dueDate, width: 0.16 },
      ],
      summary.actionPlan.map((item) => [item.action, item.owner, item.firstStep, item.date]),
    )
  }
}

function pageNumbers(doc: Doc, labels: SummaryLabels): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing in the bottom margin would make pdfkit start a new page; lift the margin while we write there.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text(labels.page(i + 1, range.count), MARGIN, doc.page.height - MARGIN / 2 - 8, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      })
    doc.page.margins.bottom = bottom
  }
}

export function renderPdf(summary: SessionSummary, options?: RenderOptions): Promise<Buffer> {
  const { labels: l, language, timeZone } = resolveOptions(options)
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: language === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${l.summary}: ${cutText(summary.session.title, 200)}`,
      Creator: 'Werkplaats',
      Producer: 'Werkplaats (pdfkit)',
    },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const { regular, bold } = loadFonts()
  doc.registerFont('regular', regular)
  doc.registerFont('bold', bold)
  const r = new Report(doc, l)

  header(r, summary, language, timeZone)
  decisionsPage(r, summary)
  doc.addPage()

  if (summary.stages.length > 0) {
    r.heading(l.agenda, 1)
    r.table(
      [
        { header: l.stage, width: 0.52 },
        { header: l.start, width: 0.16 },
        { header: l.planned, width: 0.16, align: 'right' },
        { header: l.spent, width: 0.16, align: 'right' },
      ],
      summary.stages.map((s) => [
        stageName(s, l),
        s.startedAt ? clockTime(s.startedAt, timeZone) : l.notStarted,
        `${s.plannedMinutes} min`,
        s.startedAt ? minutesText(s.spentMs, language) : '',
      ]),
    )
  }
  if (summary.principles.length > 0) {
    r.heading(l.principles, 2)
    for (const p of summary.principles) r.bullet(`${p.number}. ${p.title} (${l.pass(p.round)})`)
  }

  r.heading(l.voteRounds, 1)
  if (summary.voteRounds.length === 0) r.paragraph(l.noVoteRounds, { muted: true })
  for (const round of summary.voteRounds) {
    r.heading(round.title, 2)
    r.paragraph(
      [
        round.stageTitle,
        l.voters(round.voterCount, round.votesPerParticipant),
        ...(round.anonymous ? [l.anonymous] : []),
      ].join(' · '),
      { muted: true, size: 9 },
    )
    if (round.tallies) {
      // A round over forty cards is mostly cards nobody chose: those are named on one line, not drawn as bars.
      const { voted, unvoted } = withAndWithoutVotes(round.tallies)
      r.barChart(voted)
      if (unvoted.length > 0) {
        r.paragraph(`${l.withoutVotes(unvoted.length)}: ${unvoted.map((t) => cut(t.label, 120)).join(' · ')}`, {
          muted: true,
          size: 9,
        })
      }
    } else r.paragraph(l.notRevealed)
  }

  r.heading(l.plays, 1)
  if (summary.plays.length === 0) r.paragraph(l.noPlays, { muted: true })
  for (const play of summary.plays) {
    r.heading(play.title, 2)
    const votes = play.question.votes === null ? '' : ` (${l.voteCount(play.question.votes)})`
    r.paragraph(`${l.question}: ${play.question.text}${votes}`)
    r.table(
      [
        { header: l.action, width: 0.52 },
        { header: l.marks.geprobeerd, width: 0.16, align: 'right' },
        { header: l.marks['willen-we-proberen'], width: 0.16, align: 'right' },
        { header: l.marks['niet-relevant'], width: 0.16, align: 'right' },
      ],
      play.actions.map((a) => [
        a.attribution ? `${a.text} (${a.attribution})` : a.text,
        String(a.marks.geprobeerd),
        String(a.marks['willen-we-proberen']),
        String(a.marks['niet-relevant']),
      ]),
    )
    for (const [label, text] of [
      [l.case, play.case],
      [l.toolkit, play.toolkit],
    ] as const) {
      if (!text) continue
      r.paragraph(`${label}: ${text.title ? `${text.title}: ` : ''}${text.text}`, { size: 9 })
      for (const url of text.links) r.link('→', url)
      doc.moveDown(0.4)
    }
  }

  r.heading(l.stickies, 1)
  for (const group of summary.stickyGroups) {
    r.heading(groupName(group, l), 2)
    if (group.stickies.length === 0) r.paragraph(l.noStickies, { muted: true })
    for (const sticky of group.stickies) {
      r.bullet(sticky.votes === null ? sticky.text || '…' : `${sticky.text || '…'} (${l.voteCount(sticky.votes)})`)
    }
  }

  pageNumbers(doc, l)
  doc.end()
  return done
}
