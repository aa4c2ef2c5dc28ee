import { writeFileSync } from 'node:fs';
import { renderFilled, typedAssessment } from './helpers/filled-workbook';
it('w', async () => { writeFileSync('/tmp/x/f.xlsx', await renderFilled(typedAssessment())); });
