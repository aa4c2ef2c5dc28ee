/**
 * Nhập bộ tiêu chí từ bảng: the selected annex table (or the active sheet's used range) is
 * read through the port and imported by the core; the preview (counts per level, total
 * maximum) or the problems with their sheet rows are shown before anything is written.
 * The set is then stored in the workbook (pickable in Start) or downloaded as JSON.
 */
import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2 } from '@fluentui/react-components';
import { formatPoints, LEVELS, type Level } from '../../domain';
import { importCriteriaSet, readHeading, type ImportResult } from '../../domain/import';
import { setIdFrom } from '../../workbook/imported-sets';
import type { SelectionGrid } from '../../workbook/port';
import { useLocale, useStrings } from '../locale';
import { useWorkbook } from '../workbook-context';
import { useViewStyles } from './styles';

interface Imported {
  from: SelectionGrid;
  result: ImportResult;
}

function today(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(now.getDate())}/${two(now.getMonth() + 1)}/${now.getFullYear()}`;
}

export function runImport(from: SelectionGrid, options: { level: Level; now: Date; source: (sheet: string, address: string, date: string) => string }): ImportResult {
  const grid = { name: from.sheet, values: from.values };
  const heading = readHeading(grid);
  const title = heading.title ?? from.sheet;
  return importCriteriaSet(grid, {
    id: setIdFrom(title),
    title,
    year: heading.year ?? options.now.getFullYear(),
    level: options.level,
    source: options.source(from.sheet, from.address, today(options.now)),
    firstRow: from.firstRow,
  });
}

export function ImportView() {
  const styles = useViewStyles();
  const strings = useStrings();
  const locale = useLocale();
  const { port, act, busy } = useWorkbook();
  const [level, setLevel] = useState<Level>('so');
  const [imported, setImported] = useState<Imported | null>(null);
  const [title, setTitle] = useState('');

  const read = async () => {
    const from = await act((p) => p.importSetFromSelection());
    if (!from) return;
    const result = runImport(from, { level, now: new Date(), source: strings.import.source });
    setImported({ from, result });
    setTitle(result.ok ? result.set.title : '');
  };
  const finalSet = () => {
    if (!imported?.result.ok) return null;
    const t = title.trim() || imported.result.set.title;
    return { ...imported.result.set, title: t, id: setIdFrom(t), level };
  };
  const download = () => {
    const set = finalSet();
    if (!set) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(set, null, 2) + '\n'], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${set.id}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  };
  const n = (x: number) => formatPoints(x, locale);

  return (
    <div data-testid="import-view" className={styles.section}>
      <Subtitle2 as="h3">{strings.import.heading}</Subtitle2>
      <Caption1>{strings.import.hint}</Caption1>
      <Field label={strings.import.levelLabel}>
        <Select value={level} onChange={(_e, d) => setLevel(d.value as Level)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {strings.level[l]}
            </option>
          ))}
        </Select>
      </Field>
      <Button data-testid="import-from-selection" appearance="primary" disabled={!port || busy} onClick={() => void read()}>
        {strings.import.fromSelection}
      </Button>
      {imported && <Caption1>{strings.import.from(imported.from.sheet, imported.from.address)}</Caption1>}
      {imported && !imported.result.ok && (
        <MessageBar intent="error">
          <MessageBarBody>
            {strings.import.problems(n(imported.result.problems.length))}
            <ul className={styles.list}>
              {imported.result.problems.map((p, i) => (
                <li key={i} data-testid="import-problem" data-row={p.row ?? ''}>
                  {p.row !== null && <strong>{strings.import.row(String(p.row))}: </strong>}
                  {locale === 'en' ? p.messageEn : p.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {imported?.result.ok && (
        <section data-testid="import-preview" className={styles.section}>
          <Field label={strings.import.title}>
            <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
          </Field>
          <table className={styles.table}>
            <tbody>
              <tr>
                <td>{strings.import.id}</td>
                <td>{setIdFrom(title.trim() || imported.result.set.title)}</td>
              </tr>
              <tr>
                <td>{strings.year}</td>
                <td>{imported.result.set.year}</td>
              </tr>
              {imported.result.preview.byLevel.map((count, i) => (
                <tr key={i} data-level={i + 1}>
                  <td>{strings.import.byLevel[i] ?? strings.import.deeper(String(i + 1))}</td>
                  <td>{n(count)}</td>
                </tr>
              ))}
              <tr>
                <td>{strings.import.leaves}</td>
                <td>{n(imported.result.preview.leaves)}</td>
              </tr>
              <tr>
                <td>{strings.import.options}</td>
                <td>{n(imported.result.preview.options)}</td>
              </tr>
              <tr>
                <th>{strings.import.total}</th>
                <th data-testid="import-total">{n(imported.result.preview.totalMax)}</th>
              </tr>
            </tbody>
          </table>
          <div className={styles.row}>
            <Button
              data-testid="import-save"
              appearance="primary"
              disabled={busy}
              onClick={() => {
                const set = finalSet();
                if (set) void act((p) => p.storeImportedSet(set), () => strings.import.saved(set.title));
              }}
            >
              {strings.import.save}
            </Button>
            <Button data-testid="import-download" onClick={download}>
              {strings.import.download}
            </Button>
          </div>
        </section>
      )}
      {!port && <Body1>{strings.outsideExcel}</Body1>}
    </div>
  );
}
