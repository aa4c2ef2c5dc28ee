/**
 * Tổng hợp nhiều tệp: the appraiser picks the submitted files, sees each one's verdict as it
 * is read (unit, index, band, errors and warnings, or why it cannot be read), then inserts
 * the consolidation — the CLI's report — into the open workbook. Last year's report, when
 * picked, puts each unit's previous rank and its change beside this year's, as check --previous.
 */
import { Button, Caption1, Subtitle2 } from '@fluentui/react-components';
import { bandText, formatPoints, formatRate } from '../../domain';
import { countProblems, type CheckedFile } from '../../workbook/consolidation/checked-file';
import { useConsolidation } from '../hooks/useConsolidation';
import { useLocale, useStrings } from '../locale';
import { useWorkbook } from '../workbook-context';
import { useViewStyles } from './styles';

export function ConsolidateSection() {
  const styles = useViewStyles();
  const strings = useStrings();
  const s = strings.consolidate;
  const { act, busy } = useWorkbook();
  const locale = useLocale();
  const { items, verdicts, pick, previous, pickPrevious } = useConsolidation();
  const lastYear = previous?.state === 'read' ? previous.ranking : null;
  const done = items.filter((i) => i.verdict !== null).length;

  return (
    <section className={styles.section} data-testid="consolidate-section">
      <Subtitle2 as="h3">{s.heading}</Subtitle2>
      <Caption1 className={styles.muted}>{s.hint}</Caption1>
      <label>
        <Caption1>{s.pick}</Caption1>{' '}
        <input
          data-testid="consolidate-files"
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            if (files.length > 0) void pick(files);
          }}
        />
      </label>
      <label>
        <Caption1>{s.previousPick}</Caption1>{' '}
        <input
          data-testid="consolidate-previous"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void pickPrevious(e.currentTarget.files?.[0] ?? null)}
        />
      </label>
      {previous && (
        <Caption1 data-testid="consolidate-previous-state" className={previous.state === 'refused' ? styles.error : styles.muted}>
          {previous.state === 'reading'
            ? s.previousReading
            : previous.state === 'read'
              ? s.previousRead(previous.name, formatPoints(previous.ranking.units.length, locale))
              : `${s.previousRefused}: ${locale === 'en' ? previous.errorEn : previous.error}`}
        </Caption1>
      )}
      {items.length > 0 && done < items.length && <Caption1 data-testid="consolidate-progress">{s.reading(formatPoints(done), formatPoints(items.length))}</Caption1>}
      {items.length > 0 && (
        <ul className={styles.list}>
          {items.map((item, i) => (
            <li key={i} data-testid="consolidate-item" data-readable={item.verdict ? String(item.verdict.readable) : undefined} className={styles.item}>
              {item.verdict ? <Verdict verdict={item.verdict} /> : <Caption1 className={styles.muted}>{`${item.name} · ${s.pending}`}</Caption1>}
            </li>
          ))}
        </ul>
      )}
      <Button
        data-testid="consolidate-insert"
        appearance="primary"
        disabled={busy || verdicts === null || previous?.state === 'reading'}
        onClick={() =>
          verdicts &&
          void act(
            async (port) => {
              // Loaded with the reader's chunk, not with the pane.
              const { consolidate } = await import('../../workbook/consolidation/consolidate');
              return port.insertConsolidation(consolidate(verdicts, { createdAt: new Date().toISOString().slice(0, 10), ...(lastYear ? { previous: lastYear } : {}) }));
            },
            (sheets) => s.inserted(sheets.map((n) => `"${n}"`).join(', ')),
          )
        }
      >
        {s.insert}
      </Button>
    </section>
  );
}

function Verdict({ verdict }: { verdict: CheckedFile }) {
  const styles = useViewStyles();
  const strings = useStrings();
  const locale = useLocale();
  const s = strings.consolidate;
  if (!verdict.readable) {
    return (
      <>
        <Caption1>
          <strong>{verdict.file}</strong>
        </Caption1>
        <Caption1 className={styles.error}>
          {s.unreadable}: {locale === 'en' ? verdict.errorEn : verdict.error}
        </Caption1>
      </>
    );
  }
  const { errors, warnings } = countProblems(verdict);
  return (
    <>
      <span className={styles.itemTop}>
        <Caption1>
          <strong>{verdict.unit ?? s.noUnit}</strong>
        </Caption1>
        <Caption1>
          {s.index} {formatRate(verdict.result.final.publishedIndex, locale)}
          {` · ${verdict.rankable ? bandText(verdict.result.final, locale) : s.notRanked}`}
        </Caption1>
      </span>
      <Caption1 className={errors > 0 ? styles.error : styles.muted}>
        {verdict.file} · {s.problems(formatPoints(errors, locale), formatPoints(warnings, locale))}
      </Caption1>
    </>
  );
}
