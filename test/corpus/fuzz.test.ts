/** The reader under fast-check: never anything but the documented refusal, never a hang. */
import fc from 'fast-check';
import { fuzzBase, readAndCheck, readerProperties, type FuzzBase } from './fuzz-properties';

let base: FuzzBase;
beforeAll(async () => {
  base = await fuzzBase();
});

describe('reader fuzzing (fast-check)', () => {
  it('reads the untouched base file', async () => {
    expect(await readAndCheck(base.file)).toBe('read');
  });

  it('random byte flips and truncations: read or refused, 150 cases', async () => {
    await fc.assert(readerProperties(base).mutatedBytes, { numRuns: 150, seed: 6 });
  }, 60_000);

  it('random XML spliced into the sheet, string, style and workbook parts, 100 cases', async () => {
    await fc.assert(readerProperties(base).randomSheetXml, { numRuns: 100, seed: 6 });
  }, 60_000);

  it('random grids typed over the template, 50 cases', async () => {
    await fc.assert(readerProperties(base).randomGrid, { numRuns: 50, seed: 6 });
  }, 60_000);
});
