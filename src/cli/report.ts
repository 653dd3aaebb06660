import { columnLetter, formatDay, LEVEL_ZH, type Language, type LedgerJob, type MeetingJob, type MeetingSummary } from '../core';

/** The short summary a person reads after a run. */
export function formatSummary(job: LedgerJob, output: string, language: Language): string {
  const c = job.counts;
  const header = job.layout.headerTop === job.layout.headerBottom ? `${job.layout.headerTop + 1}` : `${job.layout.headerTop + 1}–${job.layout.headerBottom + 1}`;
  const lines: string[] = [];
  const issues = job.issues;
  const shown = issues.slice(0, 10);
  // The rows were read and processed; what is left is a few cells for someone to check.
  const cellsToCheck = new Set(issues.filter((i) => i.cell).map((i) => i.cell)).size;
  if (language === 'zh') {
    lines.push(`台账工作表“${job.layout.sheet}”，表头在第 ${header} 行，共 ${c.disputes} 件纠纷`);
    lines.push(`  ${LEVEL_ZH.red}色 ${c.byLevel.red} 件\u3000${LEVEL_ZH.yellow}色 ${c.byLevel.yellow} 件\u3000${LEVEL_ZH.green}色 ${c.byLevel.green} 件`);
    lines.push(`  今日到期回访 ${c.dueToday} 件，逾期 ${c.overdue} 件`);
    if (c.needsReview) lines.push(`  人工定级低于建议等级、需复核 ${c.needsReview} 件`);
    lines.push(`  需核对的单元格 ${cellsToCheck} 处（其余内容已照常处理）`);
    for (const i of shown) lines.push(`    · ${i.message}`);
    if (issues.length > shown.length) lines.push(`    ……另有 ${issues.length - shown.length} 条提示，见 --json 输出`);
    lines.push(`联席会议期间 ${formatDay(job.period.from)} 至 ${formatDay(job.period.to)}`);
    lines.push(`输出：${output}`);
  } else {
    lines.push(`Ledger sheet "${job.layout.sheet}", header on row ${header}, ${c.disputes} disputes`);
    lines.push(`  red ${c.byLevel.red}   yellow ${c.byLevel.yellow}   green ${c.byLevel.green}`);
    lines.push(`  revisits due today ${c.dueToday}, overdue ${c.overdue}`);
    if (c.needsReview) lines.push(`  manual level below the suggestion, to review: ${c.needsReview}`);
    lines.push(`  cells to check: ${cellsToCheck} (everything else was processed as usual)`);
    for (const i of shown) lines.push(`    · ${i.message}`);
    if (issues.length > shown.length) lines.push(`    … ${issues.length - shown.length} more, see --json`);
    lines.push(`Meeting period ${formatDay(job.period.from)} to ${formatDay(job.period.to)}`);
    lines.push(`Output: ${output}`);
  }
  return lines.join('\n');
}

/** The --json document: one object, dates as YYYY-MM-DD, levels as red/yellow/green. */
export function jobToJson(job: LedgerJob, output: string, asOf: number) {
  const { layout } = job;
  const fields: Record<string, string> = {};
  for (const [field, col] of Object.entries(layout.fields)) fields[field] = columnLetter(col);
  if (fields.status === undefined && fields.resolvedFlag !== undefined) fields.status = fields.resolvedFlag;
  const headerRows: number[] = [];
  for (let r = layout.headerTop; r <= layout.headerBottom; r++) headerRows.push(r + 1);
  const s = job.summary;
  return {
    sheet: layout.sheet,
    headerRows,
    fields,
    rows: job.disputes.map(({ record, triage, schedule }) => ({
      row: record.row,
      level: triage.effective,
      suggested: triage.suggested,
      manual: triage.manual,
      reasons: triage.reasons.map((r) => ({ rule: r.rule, level: r.level, text: r.text })),
      nextRevisit: schedule.nextRevisit === null ? null : formatDay(schedule.nextRevisit),
      overdueDays: schedule.overdueDays,
      due: schedule.due,
      needsReview: triage.needsReview,
      status: record.status,
    })),
    issues: job.issues.map((i) => ({ code: i.code, row: i.row, cell: i.cell ?? null, message: i.message })),
    summary: {
      asOf: formatDay(asOf),
      disputes: job.counts.disputes,
      red: job.counts.byLevel.red,
      yellow: job.counts.byLevel.yellow,
      green: job.counts.byLevel.green,
      dueToday: job.counts.dueToday,
      overdue: job.counts.overdue,
      unreadableRows: job.counts.unreadableRows,
      needsReview: job.counts.needsReview,
      period: { from: formatDay(job.period.from), to: formatDay(job.period.to) },
      meeting: meetingCounts(s),
      output,
    },
  };
}

/** A meeting's numbers as `--json` gives them, the same for `run` and for each unit and the whole of `meeting`. */
export function meetingCounts(s: MeetingSummary) {
  return {
    disputes: s.disputes,
    period: s.totals.period,
    yearToDate: s.totals.yearToDate,
    open: s.open,
    changes: s.changes?.counts ?? null,
    comparedWith: s.changes ? { from: formatDay(s.changes.previousPeriod.from), to: formatDay(s.changes.previousPeriod.to), source: s.changes.source } : null,
  };
}

/** The `meeting --json` document. */
export function meetingToJson(job: MeetingJob, output: string) {
  return {
    period: { from: formatDay(job.period.from), to: formatDay(job.period.to) },
    units: job.units.map((u) => ({ unit: u.unit, file: u.file, sheet: u.sheet, meeting: meetingCounts(u.meeting) })),
    meeting: meetingCounts(job.summary),
    duplicates: job.duplicates.map((group) => group.map((r) => ({ unit: r.unit, row: r.row, serial: r.serial }))),
    issues: job.issues.map((i) => ({ unit: i.unit, code: i.code, row: i.row, cell: i.cell ?? null, message: i.message })),
    output,
  };
}

/** Shared disputes printed after a meeting; the rest are in --json. */
const SHOWN_DUPLICATES = 20;

/** What a person reads after `tricolor meeting`. */
export function formatMeeting(job: MeetingJob, output: string, language: Language): string {
  const s = job.summary;
  const lines: string[] = [];
  const cells = job.issues.filter((i) => i.cell).length;
  if (language === 'zh') {
    lines.push(`联席会议期间 ${formatDay(job.period.from)} 至 ${formatDay(job.period.to)}，${job.units.length} 个单位：`);
    for (const u of job.units)
      lines.push(`  ${u.unit}（${u.file}，工作表“${u.sheet}”）：${u.meeting.disputes} 件，本期登记 ${u.meeting.totals.period.registered} 件，在办 ${u.meeting.open.total} 件`);
    lines.push(`同一纠纷记在几个单位台账上的 ${job.duplicates.length} 件，合并为一件统计：`);
    for (const g of job.duplicates.slice(0, SHOWN_DUPLICATES)) lines.push(`  · ${g.map((r) => `${r.unit} ${r.serial ? `序号${r.serial}` : `第${r.row}行`}`).join(' ＝ ')}`);
    if (job.duplicates.length > SHOWN_DUPLICATES) lines.push(`    ……另有 ${job.duplicates.length - SHOWN_DUPLICATES} 件，见 --json 输出`);
    lines.push(`合计 ${s.disputes} 件；本期登记 ${s.totals.period.registered} 件；在办 红${s.open.red} 黄${s.open.yellow} 绿${s.open.green}`);
    lines.push(s.changes ? `已与上次会议数据比较（${s.changes.source}）` : '未找到上次会议数据，本次未作比较');
    if (cells) lines.push(`需核对的单元格 ${cells} 处（其余内容已照常处理），见 --json 输出`);
    lines.push(`输出：${output}`);
  } else {
    lines.push(`Meeting period ${formatDay(job.period.from)} to ${formatDay(job.period.to)}, ${job.units.length} units:`);
    for (const u of job.units)
      lines.push(`  ${u.unit} (${u.file}, sheet "${u.sheet}"): ${u.meeting.disputes} disputes, ${u.meeting.totals.period.registered} registered this period, ${u.meeting.open.total} open`);
    lines.push(`${job.duplicates.length} disputes held by more than one unit, counted once:`);
    for (const g of job.duplicates.slice(0, SHOWN_DUPLICATES)) lines.push(`  · ${g.map((r) => `${r.unit} ${r.serial ? `no. ${r.serial}` : `row ${r.row}`}`).join(' = ')}`);
    if (job.duplicates.length > SHOWN_DUPLICATES) lines.push(`    … ${job.duplicates.length - SHOWN_DUPLICATES} more, see --json`);
    lines.push(`Total ${s.disputes}; registered this period ${s.totals.period.registered}; open red ${s.open.red} yellow ${s.open.yellow} green ${s.open.green}`);
    lines.push(s.changes ? `Compared with the previous meeting's data (${s.changes.source})` : 'No previous meeting data found; nothing compared');
    if (cells) lines.push(`cells to check: ${cells} (everything else was processed as usual), see --json`);
    lines.push(`Output: ${output}`);
  }
  return lines.join('\n');
}
