/// The report's inline stylesheet: system fonts only (nothing fetched), readable on a laptop,
/// and a print stylesheet that keeps figures and steps whole and drops the sticky contents.
enum HTMLStyle {
    static let css = """
    :root { --ink: #222; --muted: #666; --rule: #ddd; --code: #f6f8fa; --accent: #0072B2; --warn: #8a5a00; --error: #b3261e; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
    main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
    h1 { font-size: 28px; margin: 8px 0 4px; }
    h2 { font-size: 18px; margin: 0 0 8px; }
    .meta { color: var(--muted); margin: 0 0 16px; }
    .intro p { margin: 6px 0; }
    nav.toc { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 16px; margin: 16px 0 24px; background: #fcfcfc; }
    nav.toc ol { margin: 4px 0; padding-left: 22px; columns: 2; column-gap: 32px; }
    nav.toc li { break-inside: avoid; font-size: 13px; }
    nav.toc a { color: var(--accent); text-decoration: none; font-family: ui-monospace, Menlo, Consolas, monospace; }
    nav.toc a.failed { color: var(--error); }
    section.step { border-top: 1px solid var(--rule); padding: 18px 0 8px; }
    .prose p { margin: 4px 0 10px; font-size: 15px; }
    pre.source { background: var(--code); border-left: 3px solid var(--accent); padding: 8px 12px; margin: 0 0 10px;
                 overflow-x: auto; font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; }
    pre.source .line { color: var(--muted); user-select: none; }
    .result p { margin: 4px 0; font-size: 14px; }
    .table-wrap { overflow-x: auto; margin: 8px 0 12px; }
    table { border-collapse: collapse; font-size: 13px; }
    p.caption { color: var(--muted); font-size: 13px; margin: 0 0 4px; }
    .tables { display: flex; flex-wrap: wrap; gap: 0 32px; align-items: flex-start; }
    th, td { padding: 3px 10px; border-bottom: 1px solid #eee; vertical-align: top; text-align: left; }
    th { border-bottom: 1px solid #bbb; font-weight: 600; white-space: nowrap; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.more td { color: var(--muted); font-style: italic; }
    .charts { display: flex; flex-wrap: wrap; gap: 12px 20px; margin: 10px 0; }
    figure { margin: 0; max-width: 100%; }
    figure svg { max-width: 100%; height: auto; display: block; }
    .warning { color: var(--warn); background: #fff8e6; border-left: 3px solid #E69F00; padding: 4px 10px; margin: 6px 0; font-size: 14px; }
    .error { color: var(--error); background: #fdecea; border-left: 3px solid var(--error); padding: 6px 10px; margin: 6px 0;
             white-space: pre-wrap; font-size: 14px; }
    .not-run { color: var(--muted); font-style: italic; }
    .seconds { color: var(--muted); font-size: 12px; }
    footer { border-top: 2px solid var(--rule); margin-top: 28px; padding-top: 12px; font-size: 13px; }
    footer code { font-size: 12px; word-break: break-all; }
    @media print {
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      nav.toc { break-after: page; }
      nav.toc a { color: var(--ink); }
      section.step { break-inside: auto; }
      pre.source, figure, .table-wrap, .error, .warning { break-inside: avoid; }
      p.caption, .prose { break-after: avoid; }
      .table-wrap { overflow: visible; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
