/**
 * Thẩm định: show the appraisal columns, review differences, rows without evidence and what
 * was done to the file, print the minutes ("Biên bản thẩm định") into a new sheet, and
 * consolidate the files many units submitted.
 */
import { Body1, Button, Caption1, Subtitle2, Switch } from '@fluentui/react-components';
import { buildAppraisalMinutes, describeDifference } from '../../workbook/appraisal-minutes';
import { useAppraisal } from '../hooks/useAppraisal';
import { usePrintView } from '../hooks/usePrintView';
import { useWorkbookState } from '../hooks/useWorkbookState';
import { useLocale, useStrings } from '../locale';
import { useWorkbook } from '../workbook-context';
import { CellButton } from './CellButton';
import { ConsolidateSection } from './ConsolidateSection';
import { useViewStyles } from './styles';

export function AppraiserView() {
  const styles = useViewStyles();
  const strings = useStrings();
  const locale = useLocale();
  const { workbook, check } = useWorkbookState();
  const { act, busy } = useWorkbook();
  const view = useAppraisal();
  const printView = usePrintView();
  // The council may consolidate the units' files in any workbook, scoring sheet or not.
  if (!view || !workbook || !check) {
    return (
      <div data-testid="appraiser-view" className={styles.section}>
        <Body1>{strings.needSheet}</Body1>
        <ConsolidateSection />
      </div>
    );
  }

  return (
    <div data-testid="appraiser-view" className={styles.section}>
      {/* The appraisal columns on are the appraisal form (tham-dinh); off, the unit's own form. */}
      <Switch
        data-testid="appraisal-mode"
        label={strings.appraiser.mode}
        checked={printView.view === 'tham-dinh'}
        disabled={busy || printView.busy}
        onChange={(_e, d) => void printView.setView(d.checked ? 'tham-dinh' : 'tu-danh-gia')}
      />

      <Subtitle2 as="h3">
        {strings.appraiser.differences} ({view.differences.length})
      </Subtitle2>
      {view.differences.length === 0 ? (
        <Caption1 className={styles.muted}>{strings.appraiser.noDifferences}</Caption1>
      ) : (
        <ul className={styles.list}>
          {view.differences.map((d) => (
            <CellButton key={d.code} testId="difference-item" cell={d.cell} code={d.code}>
              <span className={styles.itemTop}>
                <Caption1>
                  <strong>{d.code}</strong> {d.name}
                </Caption1>
              </span>
              <Caption1 className={d.delta < 0 ? styles.error : undefined}>{describeDifference(d.selfScore, d.appraisedScore)}</Caption1>
              {d.note && <Caption1 className={styles.muted}>{d.note}</Caption1>}
            </CellButton>
          ))}
        </ul>
      )}

      <Subtitle2 as="h3">
        {strings.appraiser.withoutEvidence} ({view.withoutEvidence.length})
      </Subtitle2>
      {view.withoutEvidence.length === 0 ? (
        <Caption1 className={styles.muted}>{strings.appraiser.noneWithoutEvidence}</Caption1>
      ) : (
        <ul className={styles.list}>
          {view.withoutEvidence.map((m) => (
            <CellButton key={m.code} testId="evidence-item" cell={m.cell} code={m.code}>
              <Caption1>
                <strong>{m.code}</strong> {m.name}
              </Caption1>
            </CellButton>
          ))}
        </ul>
      )}

      <Subtitle2 as="h3">
        {strings.appraiser.findings} ({view.findings.length})
      </Subtitle2>
      {view.findings.length === 0 ? (
        <Caption1 className={styles.muted}>{strings.appraiser.noFindings}</Caption1>
      ) : (
        <ul className={styles.list}>
          {view.findings.map((f, i) => (
            <CellButton key={i} testId="finding-item" cell={f.cell ? `${f.cell.sheet}!${f.cell.cell}` : null} code={f.code}>
              <Caption1>{locale === 'en' ? f.messageEn : f.message}</Caption1>
            </CellButton>
          ))}
        </ul>
      )}

      <Button
        data-testid="make-minutes"
        appearance="primary"
        disabled={busy}
        onClick={() => void act((port) => port.insertSheet(buildAppraisalMinutes(workbook, check)), (sheet) => strings.appraiser.minutesMade(sheet))}
      >
        {strings.appraiser.makeMinutes}
      </Button>

      <ConsolidateSection />
    </div>
  );
}
