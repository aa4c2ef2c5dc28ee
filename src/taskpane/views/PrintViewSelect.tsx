/** "Biểu in": which printed form the scoring sheet shows, switched as `template --print` writes it. */
import { Field, Select } from '@fluentui/react-components';
import { isPrintView } from '../../workbook/print-views';
import { usePrintView } from '../hooks/usePrintView';
import { useStrings } from '../locale';

export function PrintViewSelect() {
  const strings = useStrings();
  const { view, choices, setView, busy } = usePrintView();
  return (
    <Field label={strings.printView.label} hint={strings.printView.hint}>
      <Select
        data-testid="print-view"
        value={view ?? ''}
        disabled={busy}
        onChange={(_e, d) => {
          if (isPrintView(d.value)) void setView(d.value);
        }}
      >
        {view === null && <option value="">{strings.printView.custom}</option>}
        {choices.map((c) => (
          <option key={c.view} value={c.view}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
