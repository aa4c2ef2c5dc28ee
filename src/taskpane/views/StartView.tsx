/**
 * Start: without a scoring sheet, pick a set (bundled or imported into this workbook), the
 * unit and the year, and create it; with one, show the set, unit, year, the live index and the
 * printed form the sheet shows.
 */
import { useMemo, useState } from 'react';
import { Badge, Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Subtitle2 } from '@fluentui/react-components';
import { bundledSets } from '../../criteria';
import { bandText, figureText, formatPoints, formatRate, type CriteriaSet } from '../../domain';
import { useLocale, useStrings } from '../locale';
import { useWorkbook } from '../workbook-context';
import { PrintViewSelect } from './PrintViewSelect';
import { useViewStyles } from './styles';

interface SetChoice {
  value: string;
  set: CriteriaSet;
  imported: boolean;
}

/** Bundled sets keep their id as value; an imported set of the same id is told apart. */
function setChoices(imported: readonly CriteriaSet[]): SetChoice[] {
  const bundled = bundledSets().map((set) => ({ value: set.id, set, imported: false }));
  const ids = new Set(bundled.map((c) => c.value));
  return [...imported.map((set) => ({ value: ids.has(set.id) ? `imported:${set.id}` : set.id, set, imported: true })), ...bundled];
}

export function StartView() {
  const styles = useViewStyles();
  const strings = useStrings();
  const { port, state } = useWorkbook();
  // Throws if a bundled set is invalid; the pane's error boundary shows the message.
  const choices = useMemo(() => setChoices(state?.importedSets ?? []), [state?.importedSets]);

  return (
    <section data-testid="start-view" className={styles.section} aria-labelledby="start-heading">
      <Subtitle2 as="h2" id="start-heading">
        {strings.start.heading}
      </Subtitle2>
      {!port && <SetList choices={choices} />}
      {port && !state && <Spinner data-testid="start-loading" size="small" label={strings.reading} />}
      {port && state && !state.hasScoringSheet && <CreateSheet choices={choices} />}
      {port && state?.unreadable && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {strings.start.unreadable} {strings.locale === 'en' ? state.unreadable.messageEn : state.unreadable.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {port && state?.workbook && <SheetSummary choices={choices} />}
      {state && state.importedSetProblems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{state.importedSetProblems.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function SetList({ choices }: { choices: SetChoice[] }) {
  const styles = useViewStyles();
  const strings = useStrings();
  return (
    <>
      <Caption1>{strings.outsideExcel}</Caption1>
      <Body1>{strings.setsHeading}</Body1>
      {choices.length === 0 ? (
        <Body1>{strings.noSets}</Body1>
      ) : (
        <ul className={styles.list}>
          {choices.map(({ set }) => (
            <li key={set.id} className={styles.item} data-set-id={set.id}>
              <div className={styles.itemTop}>
                <Body1>{set.title}</Body1>
                <StatusBadge set={set} />
              </div>
              <Caption1>
                {strings.level[set.level]} · {strings.year} {set.year} · {strings.totalMax} {formatPoints(set.totalMax)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function StatusBadge({ set }: { set: CriteriaSet }) {
  const strings = useStrings();
  return (
    <Badge appearance="tint" color={set.status === 'official' ? 'success' : set.status === 'illustrative' ? 'warning' : 'informative'}>
      {strings.status[set.status]}
    </Badge>
  );
}

function SetSelect({ choices, value, onChange }: { choices: SetChoice[]; value: string; onChange: (value: string) => void }) {
  const strings = useStrings();
  const group = (imported: boolean) =>
    choices
      .filter((c) => c.imported === imported)
      .map((c) => (
        <option key={c.value} value={c.value}>
          {c.set.title} ({strings.start.version} {c.set.version})
        </option>
      ));
  const imported = group(true);
  return (
    <Field label={strings.start.set}>
      <Select data-testid="set-select" value={value} onChange={(_e, d) => onChange(d.value)}>
        {imported.length > 0 ? (
          <>
            <optgroup label={strings.start.importedGroup}>{imported}</optgroup>
            <optgroup label={strings.start.bundledGroup}>{group(false)}</optgroup>
          </>
        ) : (
          group(false)
        )}
      </Select>
    </Field>
  );
}

function CreateSheet({ choices }: { choices: SetChoice[] }) {
  const styles = useViewStyles();
  const strings = useStrings();
  const { act, busy } = useWorkbook();
  const [choice, setChoice] = useState(choices[0]?.value ?? '');
  const selected = choices.find((c) => c.value === choice) ?? choices[0];
  const [unit, setUnit] = useState('');
  const [yearText, setYearText] = useState('');
  const [tried, setTried] = useState(false);
  const yearShown = yearText || String(selected?.set.year ?? '');
  const year = Number(yearShown.trim());
  const yearOk = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const unitOk = unit.trim() !== '';

  const create = () => {
    setTried(true);
    if (!selected || !unitOk || !yearOk) return;
    void act(
      (port) => port.insertScoringSheet(selected.set, { unit: unit.trim(), year }),
      (report) => [strings.start.created(report.sheets.map((s) => `"${s}"`).join(', ')), ...report.notes].join(' '),
    );
  };

  return (
    <div className={styles.section}>
      <Body1>{strings.start.noSheet}</Body1>
      <SetSelect choices={choices} value={selected?.value ?? ''} onChange={setChoice} />
      <Field label={strings.start.unit} validationMessage={tried && !unitOk ? strings.start.unitMissing : undefined}>
        <Input data-testid="unit-input" value={unit} placeholder={strings.start.unitPlaceholder} onChange={(_e, d) => setUnit(d.value)} />
      </Field>
      <Field label={strings.year} validationMessage={tried && !yearOk ? strings.start.yearInvalid : undefined}>
        <Input data-testid="year-input" inputMode="numeric" value={yearShown} onChange={(_e, d) => setYearText(d.value)} />
      </Field>
      <Button data-testid="create-sheet" appearance="primary" disabled={busy} onClick={create}>
        {strings.start.create}
      </Button>
    </div>
  );
}

function SheetSummary({ choices }: { choices: SetChoice[] }) {
  const styles = useViewStyles();
  const strings = useStrings();
  const locale = useLocale();
  const { state, act, busy } = useWorkbook();
  const read = state!.workbook!;
  const result = state!.check!.result;
  const final = result.final;
  const current = choices.find((c) => c.set.id === read.set.id && c.set.version === read.set.version)?.value;
  const [choice, setChoice] = useState(current ?? choices[0]?.value ?? '');
  const selected = choices.find((c) => c.value === choice);
  const differs = selected !== undefined && (selected.set.id !== read.set.id || selected.set.version !== read.set.version);

  return (
    <div className={styles.section}>
      <Body1>
        <strong>{read.set.title}</strong> ({strings.start.version} {read.set.version}) <StatusBadge set={read.set} />
      </Body1>
      <Caption1>
        {strings.start.unitLabel}: {read.unit ?? '—'} · {strings.year} {read.year ?? read.set.year}
      </Caption1>
      <div className={styles.row}>
        <div className={styles.grow}>
          <Caption1 block>{strings.start.index}</Caption1>
          <span data-testid="index-value" className={styles.big}>
            {final.publishedIndex === null ? strings.start.notScored : formatRate(final.publishedIndex, locale)}
          </span>
        </div>
        <div>
          <Caption1 block>{strings.start.band}</Caption1>
          <Badge data-testid="band-value" size="large" appearance="filled" color={final.band ? 'brand' : 'informative'}>
            {bandText(final, locale)}
          </Badge>
        </div>
      </div>
      <Caption1 data-testid="result-figures">
        <span data-testid="result-self">{strings.start.self}: {figureText(result.self, locale)}</span>
        {' · '}
        <span data-testid="result-appraised">{strings.start.appraised}: {figureText(result.appraised, locale)}</span>
        {result.survey.max > 0 && ` · ${strings.start.survey}: ${figureText(result.survey, locale)}`}
        {' · '}
        <span data-testid="result-final">{strings.start.final}: {figureText(final, locale)}</span>
      </Caption1>
      <PrintViewSelect />
      <details>
        <summary>
          <Caption1>{strings.start.updateHeading}</Caption1>
        </summary>
        <div className={styles.section}>
          <Caption1>{strings.start.updateHint}</Caption1>
          <SetSelect choices={choices} value={choice} onChange={setChoice} />
          <Button
            data-testid="upgrade-sheet"
            disabled={!differs || busy}
            onClick={() =>
              selected &&
              void act(
                (port) => port.upgradeScoringSheet(selected.set),
                (r) => strings.start.updated(formatPoints(r.carried, locale), formatPoints(r.orphaned, locale)),
              )
            }
          >
            {strings.start.update}
          </Button>
        </div>
      </details>
    </div>
  );
}
