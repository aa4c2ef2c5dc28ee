/**
 * Mục tiêu: the plan table per field with editable targets (written to the workbook), an
 * overall goal and the proposed allocation (preview, then write), where points are lost,
 * and a chart of achieved vs target rate.
 */
import { Body1, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { buildPlan, cellNumber, formatPoints, formatRate, parseNumber, proposeSetTargets, targetsToType, toMilli, type AllocationResult, type PlanRow } from '../../domain';
import { describePlanDocument } from '../../workbook/plan-document/describe';
import { buildPlanSheet } from '../../workbook/plan-document/sheet';
import { describeError } from '../errors';
import { usePlan, type GapItem } from '../hooks/usePlan';
import { usePreviousYear } from '../hooks/usePreviousYear';
import { useWorkbookState } from '../hooks/useWorkbookState';
import { useLocale, useStrings } from '../locale';
import { useWorkbook } from '../workbook-context';
import { CellButton } from './CellButton';
import { PlanChart } from './PlanChart';
import { useViewStyles } from './styles';

/** "78,3", "78.3" or "78,3%" → 0.783; null when it is not a rate from 0 to 100. */
export function parseGoalRate(text: string): number | null {
  const parsed = parseNumber(text.replace(/%\s*$/, ''));
  if (parsed.kind !== 'number' || parsed.value < 0 || parsed.value > 100) return null;
  return Number((parsed.value / 100).toFixed(10));
}

export function PlannerView() {
  const styles = useViewStyles();
  const strings = useStrings();
  const view = usePlan();
  if (!view) return <Body1 data-testid="planner-view">{strings.needSheet}</Body1>;
  const { plan, againstMax, againstTarget } = view;
  return (
    <div data-testid="planner-view" className={styles.section}>
      <Subtitle2 as="h3">{strings.planner.planHeading}</Subtitle2>
      <PlanTable rows={plan.rows} total={plan.total} />
      <PreviousYearSection />
      <GoalProposal rows={plan.rows} />
      <Subtitle2 as="h3">{strings.planner.chartHeading}</Subtitle2>
      <PlanChart rows={plan.rows} />
      <Subtitle2 as="h3">{strings.planner.gapsHeading}</Subtitle2>
      {againstTarget.length > 0 && <GapList title={strings.planner.gapsAgainstTarget} gaps={againstTarget} />}
      <GapList title={strings.planner.gapsAgainstMax} gaps={againstMax} />
      <Subtitle2 as="h3">{strings.planner.documentHeading}</Subtitle2>
      <PlanDocumentButton />
    </div>
  );
}

function PlanTable({ rows, total }: { rows: PlanRow[]; total: PlanRow }) {
  const styles = useViewStyles();
  const strings = useStrings();
  const locale = useLocale();
  const p = (x: number | null) => (x === null ? '—' : formatPoints(x, locale));
  const r = (x: number | null) => (x === null ? '—' : formatRate(x, locale).replace(/,00%|\.00%/, '%'));
  // Last year's score and the change show once the workbook has them (Lấy kết quả năm trước).
  const withPrevious = [...rows, total].some((row) => row.previousScore !== null);
  const change = (x: number | null) => (x === null ? '—' : x > 0 ? `+${formatPoints(x, locale)}` : formatPoints(x, locale));
  return (
    <div className={styles.scrollX}>
      <table data-testid="plan-table" className={styles.table}>
        <thead>
          <tr>
            <th>{strings.planner.code}</th>
            <th>{strings.planner.max}</th>
            {withPrevious && <th>{strings.planner.previous}</th>}
            <th>{strings.planner.target}</th>
            <th>{strings.planner.targetRate}</th>
            <th>{strings.planner.score}</th>
            <th>{strings.planner.scoreRate}</th>
            {withPrevious && <th>{strings.planner.change}</th>}
            <th>{strings.planner.gap}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} data-code={row.code} title={row.name}>
              <td>{row.code}</td>
              <td>{p(row.maxScore)}</td>
              {withPrevious && <td data-testid={`previous-${row.code}`}>{p(row.previousScore)}</td>}
              <td>
                <TargetInput key={`${row.code}:${row.target ?? ''}:${locale}`} row={row} />
              </td>
              <td>{r(row.targetRate)}</td>
              <td>{p(row.score)}</td>
              <td>{r(row.scoreRate)}</td>
              {withPrevious && <td data-testid={`change-${row.code}`}>{change(row.changeFromPrevious)}</td>}
              <td>{p(row.gapToTarget)}</td>
            </tr>
          ))}
          <tr>
            <th>{strings.planner.total}</th>
            <th>{p(total.maxScore)}</th>
            {withPrevious && <th data-testid="previous-total">{p(total.previousScore)}</th>}
            <th>{p(total.target)}</th>
            <th>{r(total.targetRate)}</th>
            <th>{p(total.score)}</th>
            <th>{r(total.scoreRate)}</th>
            {withPrevious && <th>{change(total.changeFromPrevious)}</th>}
            <th>{p(total.gapToTarget)}</th>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Typed freely; written when the user leaves the box or presses Enter, only if it is a valid target. */
function TargetInput({ row }: { row: PlanRow }) {
  const styles = useViewStyles();
  const strings = useStrings();
  const locale = useLocale();
  const { act, setMessage } = useWorkbook();
  const shown = row.target === null ? '' : formatPoints(row.target, locale);
  const [text, setText] = useState(shown);
  const commit = () => {
    if (text.trim() === shown.trim()) return;
    const parsed = parseNumber(text);
    if (parsed.kind === 'empty') return;
    if (parsed.kind === 'invalid' || parsed.value < 0) return setMessage({ intent: 'error', text: strings.planner.targetInvalid(row.code, text) });
    if (toMilli(parsed.value) > toMilli(row.maxScore)) return setMessage({ intent: 'error', text: strings.planner.targetAboveMax(row.code, formatPoints(row.maxScore, locale)) });
    void act((port) => port.writeTargets(new Map([[row.code, parsed.value]])), () => strings.planner.targetWritten(row.code));
  };
  return (
    <Input
      data-testid={`target-input-${row.code}`}
      className={styles.numberInput}
      size="small"
      inputMode="decimal"
      aria-label={`${strings.planner.target} ${row.code}`}
      value={text}
      onChange={(_e, d) => setText(d.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

function GoalProposal({ rows }: { rows: PlanRow[] }) {
  const styles = useViewStyles();
  const strings = useStrings();
  const locale = useLocale();
  const { workbook } = useWorkbookState();
  const { act, busy } = useWorkbook();
  const [goal, setGoal] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [proposal, setProposal] = useState<AllocationResult | null>(null);
  const [lastYear, setLastYear] = useState<Record<string, string>>({});
  if (!workbook) return null;
  const hasPrevious = Object.values(workbook.assessment.entries).some((e) => cellNumber(e.previousScore) !== null);

  // Last year's result per field: typed here, else last year's scores in the sheet, else the scores now in it.
  const typedLast = Object.entries(lastYear).filter(([, text]) => text.trim() !== '');
  const badLast = typedLast.filter(([code, text]) => {
    const parsed = parseNumber(text);
    const max = rows.find((r) => r.code === code)?.maxScore ?? 0;
    return parsed.kind !== 'number' || parsed.value < 0 || toMilli(parsed.value) > toMilli(max);
  });
  const propose = () => {
    const rate = parseGoalRate(goal);
    setInvalid(rate === null);
    if (rate === null || badLast.length > 0) return setProposal(null);
    const lastScores = Object.fromEntries(typedLast.map(([code, text]) => [code, (parseNumber(text) as { value: number }).value]));
    // With last year's results in the sheet the proposal goes down to the sub-criteria; else per field.
    setProposal(proposeSetTargets(workbook.set, workbook.assessment, { rate }, { lastScores, ...(hasPrevious ? {} : { depth: 1 }) }));
  };
  const accept = (targets: Record<string, number>) => {
    const typed = targetsToType(workbook.set, targets);
    const onlyFields = typed.size <= rows.length;
    void act(
      (port) => port.writeTargets(typed),
      (n) => (onlyFields ? strings.planner.accepted(formatPoints(n, locale)) : strings.planner.acceptedRows(formatPoints(n, locale))),
    ).then((n) => n !== undefined && setProposal(null));
  };

  return (
    <section className={styles.section}>
      <div className={styles.row}>
        <Field className={styles.grow} label={strings.planner.goal} validationMessage={invalid ? strings.planner.goalInvalid : undefined}>
          <Input data-testid="goal-input" inputMode="decimal" placeholder={strings.planner.goalPlaceholder} value={goal} onChange={(_e, d) => setGoal(d.value)} onKeyDown={(e) => e.key === 'Enter' && propose()} />
        </Field>
        <Button data-testid="propose-targets" onClick={propose}>
          {strings.planner.propose}
        </Button>
      </div>
      <Caption1 className={styles.muted}>{strings.planner.proposeHint}</Caption1>
      <details>
        <summary>
          <Caption1>{strings.planner.lastYearHeading}</Caption1>
        </summary>
        <div className={styles.section}>
          {rows.map((r) => {
            const bad = badLast.some(([code]) => code === r.code);
            return (
              <Field key={r.code} orientation="horizontal" label={`${r.code}. ${r.name}`} validationMessage={bad ? strings.planner.lastYearInvalid(formatPoints(r.maxScore, locale)) : undefined}>
                <Input
                  data-testid={`last-year-input-${r.code}`}
                  inputMode="decimal"
                  placeholder={strings.planner.lastYearPlaceholder}
                  value={lastYear[r.code] ?? ''}
                  onChange={(_e, d) => setLastYear((prev) => ({ ...prev, [r.code]: d.value }))}
                />
              </Field>
            );
          })}
        </div>
      </details>
      {proposal && (
        <div data-testid="proposal-preview" className={styles.section}>
          {proposal.ok ? (
            <>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th>{strings.planner.code}</th>
                    <th>{strings.planner.max}</th>
                    <th>{strings.planner.current}</th>
                    <th>{strings.planner.proposed}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.code} data-code={r.code} title={r.name}>
                      <td>{r.code}</td>
                      <td>{formatPoints(r.maxScore, locale)}</td>
                      <td>{r.target === null ? '—' : formatPoints(r.target, locale)}</td>
                      <td>{r.code in proposal.targets ? formatPoints(proposal.targets[r.code], locale) : '—'}</td>
                    </tr>
                  ))}
                  <tr>
                    <th>{strings.planner.total}</th>
                    <th>{formatPoints(rows.reduce((s, r) => s + toMilli(r.maxScore), 0) / 1000, locale)}</th>
                    <th />
                    <th>{formatPoints(proposal.goalPoints, locale)}</th>
                  </tr>
                </tbody>
              </table>
              <Button data-testid="accept-proposal" appearance="primary" disabled={busy} onClick={() => accept(proposal.targets)}>
                {strings.planner.accept}
              </Button>
            </>
          ) : (
            <MessageBar intent="warning">
              <MessageBarBody>{locale === 'en' ? proposal.messageEn : proposal.message}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </section>
  );
}

/** "Lấy kết quả năm trước": last year's file → the "Điểm năm trước" column, what no longer exists listed. */
function PreviousYearSection() {
  const styles = useViewStyles();
  const strings = useStrings();
  const { busy } = useWorkbook();
  const { reading, orphans, pick } = usePreviousYear();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className={styles.section}>
      <Subtitle2 as="h3">{strings.planner.previousHeading}</Subtitle2>
      <Caption1 className={styles.muted}>{strings.planner.previousHint}</Caption1>
      <input
        ref={input}
        data-testid="previous-year-file"
        type="file"
        hidden
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void pick(file);
        }}
      />
      <Button data-testid="pick-previous-year" disabled={busy || reading !== null} onClick={() => input.current?.click()}>
        {strings.planner.previousPick}
      </Button>
      {reading !== null && <Caption1>{strings.planner.previousReading(reading)}</Caption1>}
      {orphans && (
        <MessageBar data-testid="previous-year-orphans" intent="warning">
          <MessageBarBody>
            {strings.planner.previousOrphans(String(orphans.lines.length), orphans.file)}
            <ul className={styles.list}>
              {orphans.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** Excel on the web lets the pane hand over a file; the desktop hosts do not, so they get a sheet. */
function hostOffersDownloads(): boolean {
  return typeof Office !== 'undefined' && Office.context.platform === Office.PlatformType.OfficeOnline;
}

/** The plan document as a .docx download where the host allows one, else the same tables on a "Kế hoạch" sheet. */
function PlanDocumentButton() {
  const styles = useViewStyles();
  const strings = useStrings();
  const { workbook } = useWorkbookState();
  const { act, busy, setMessage } = useWorkbook();
  const [rounded, setRounded] = useState(false);
  if (!workbook) return null;
  const download = hostOffersDownloads();
  const make = async () => {
    const year = workbook.year ?? workbook.set.year;
    const doc = describePlanDocument(workbook.set, workbook.assessment, buildPlan(workbook.set, workbook.assessment), { year, unit: workbook.unit, roundedRates: rounded });
    if (!download) return void act((port) => port.insertSheet(buildPlanSheet(doc)), strings.planner.planSheetMade);
    // docx is loaded only when asked for, like exceljs: most sessions never make the document.
    const { renderPlanDocx } = await import('../../workbook/plan-document/docx');
    const file = `ke-hoach-cchc-${year}.docx`;
    const url = URL.createObjectURL(new Blob([await renderPlanDocx(doc)], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
    setMessage({ intent: 'success', text: strings.planner.documentSaved(file) });
  };
  return (
    <section className={styles.section}>
      <Caption1 className={styles.muted}>{strings.planner.documentHint}</Caption1>
      <Checkbox data-testid="rounded-rates" checked={rounded} onChange={(_e, d) => setRounded(d.checked === true)} label={strings.planner.roundedRates} />
      <Button data-testid="make-plan-document" disabled={busy} onClick={() => make().catch((error) => setMessage({ intent: 'error', text: describeError(error, strings) }))}>
        {download ? strings.planner.makeDocument : strings.planner.makePlanSheet}
      </Button>
    </section>
  );
}

function GapList({ title, gaps }: { title: string; gaps: GapItem[] }) {
  const styles = useViewStyles();
  const strings = useStrings();
  const locale = useLocale();
  return (
    <section className={styles.section}>
      <Caption1>{title}</Caption1>
      {gaps.length === 0 ? (
        <Caption1 className={styles.muted}>{strings.planner.noGaps}</Caption1>
      ) : (
        <ul className={styles.list}>
          {gaps.map((g) => (
            <CellButton key={g.code} testId="gap-item" cell={g.cell} code={g.code}>
              <span className={styles.itemTop}>
                <Caption1>
                  <strong>{g.code}</strong> {g.name}
                </Caption1>
                <Caption1 className={styles.error}>{strings.planner.lost(formatPoints(g.lost, locale))}</Caption1>
              </span>
            </CellButton>
          ))}
        </ul>
      )}
    </section>
  );
}
