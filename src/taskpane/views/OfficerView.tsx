/**
 * Tự đánh giá: progress, and the full check ("Kiểm tra") grouped by field, errors first;
 * each problem takes the user to its cell. The list follows the workbook as it changes.
 */
import { useState } from 'react';
import { Badge, Body1, Button, Caption1, Field, ProgressBar, Subtitle2 } from '@fluentui/react-components';
import { formatPoints } from '../../domain';
import { useProblems } from '../hooks/useProblems';
import { useProgress } from '../hooks/useProgress';
import { useLocale, useStrings } from '../locale';
import { useWorkbook } from '../workbook-context';
import { CellButton } from './CellButton';
import { useViewStyles } from './styles';

export function OfficerView() {
  const styles = useViewStyles();
  const strings = useStrings();
  const locale = useLocale();
  const { live, refresh, busy } = useWorkbook();
  const progress = useProgress();
  const groups = useProblems();
  const [checked, setChecked] = useState(false);
  const n = (x: number) => formatPoints(x, locale);
  if (!progress || !groups) return <Body1 data-testid="officer-view">{strings.needSheet}</Body1>;
  const errors = groups.reduce((s, g) => s + g.errors, 0);
  const warnings = groups.reduce((s, g) => s + g.warnings, 0);

  return (
    <div data-testid="officer-view" className={styles.section}>
      <section data-testid="progress" className={styles.section} aria-label={strings.officer.progress}>
        <Field label={strings.officer.scored(n(progress.scored), n(progress.leaves))}>
          <ProgressBar value={progress.leaves === 0 ? 0 : progress.scored / progress.leaves} thickness="large" />
        </Field>
        <Field label={strings.officer.evidence(n(progress.withEvidence), n(progress.needEvidence))}>
          <ProgressBar value={progress.needEvidence === 0 ? 1 : progress.withEvidence / progress.needEvidence} color={progress.withEvidence < progress.needEvidence ? 'warning' : 'success'} />
        </Field>
        <Caption1>{strings.officer.notApplicable(n(progress.notApplicable))}</Caption1>
      </section>
      <div className={styles.row}>
        <Button
          data-testid="run-check"
          appearance="primary"
          disabled={busy}
          onClick={() => {
            setChecked(true);
            void refresh();
          }}
        >
          {strings.officer.check}
        </Button>
        <Caption1 className={styles.grow}>{live ? strings.officer.liveHint : strings.officer.notLiveHint}</Caption1>
      </div>
      {checked && (
        <section className={styles.section}>
          <Caption1>{groups.length === 0 ? strings.officer.noProblems : strings.officer.summary(n(errors), n(warnings))}</Caption1>
          <div data-testid="problem-list" className={styles.section}>
            {groups.map((g) => (
              <section key={g.field ?? ''} className={styles.section} data-field={g.field ?? ''}>
                <Subtitle2 as="h3">{g.field === null ? strings.officer.wholeFile : `${g.field}. ${g.name ?? ''}`}</Subtitle2>
                <ul className={styles.list}>
                  {g.items.map(({ problem, cell }, i) => (
                    <CellButton key={i} testId="problem-item" cell={cell} code={problem.code}>
                      <span className={styles.itemTop}>
                        <Badge size="small" appearance="tint" color={problem.severity === 'error' ? 'danger' : problem.severity === 'warning' ? 'warning' : 'informative'}>
                          {strings.officer.severity[problem.severity]}
                        </Badge>
                        {cell && <Caption1 className={styles.muted}>{cell}</Caption1>}
                      </span>
                      <Caption1>{locale === 'en' ? problem.messageEn : problem.message}</Caption1>
                    </CellButton>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
