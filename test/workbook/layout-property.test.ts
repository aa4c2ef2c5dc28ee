/**
 * What units do to the layout without touching a number: note rows inserted anywhere in
 * the table, the rows of sub-criteria sorted within their parent, rows hidden, a column
 * inserted before the inputs — each done to the XML as another program saves it. Whatever
 * the mix, the file checks to the same totals with no tampering problem.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/workbook/read/check';
import type { ReadableWorkbook } from '../../src/workbook/read/interpret';
import { randomAssessment, seeded } from '../helpers/corpus';
import { minhHoa, readOk, renderFilled, templateRows } from '../helpers/filled-workbook';
import { XlsxXml } from '../helpers/xlsx-xml-edit';

jest.setTimeout(300_000);

const S = 'Chấm điểm';
const rows = templateRows();
/** Parents whose children are all leaves, in consecutive rows: the groups a unit may sort. */
const groups = minhHoa.nodes.filter((n) => n.children.length >= 2 && n.children.every((c) => c.isLeaf)).map((n) => n.children.map((c) => rows.row(c.code)));
const bodyRows = minhHoa.nodes.map((n) => rows.row(n.code));

const summary = (read: ReadableWorkbook) => {
  const check = checkWorkbook(read);
  return { totals: check.totals.engine, problems: check.problems.map((p) => `${p.code}@${p.criterion ?? '-'}`).sort() };
};

const edits = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  sorts: fc.array(fc.tuple(fc.nat(groups.length - 1), fc.nat(100)), { maxLength: 4 }),
  hidden: fc.uniqueArray(fc.constantFrom(...bodyRows), { maxLength: 6 }),
  notes: fc.uniqueArray(fc.integer({ min: rows.row(minhHoa.items[0].code) + 1, max: rows.total }), { minLength: 1, maxLength: 5 }),
  column: fc.option(fc.integer({ min: 3, max: 5 }), { nil: undefined }),
});

it('notes inserted, rows sorted within parents, rows hidden, a column inserted: same totals, no tampering', async () => {
  await fc.assert(
    fc.asyncProperty(edits, async ({ seed, sorts, hidden, notes, column }) => {
      const filled = await renderFilled(randomAssessment(minhHoa, seeded(seed)));
      const x = await XlsxXml.open(filled);
      for (const [g, turn] of sorts) {
        const group = groups[g];
        const k = turn % group.length;
        // A rotation (and, for odd turns, reversed): every order a sort can leave.
        const order = [...group.slice(k), ...group.slice(0, k)];
        x.sortRows(S, group, turn % 2 === 1 ? order.reverse() : order);
      }
      x.hideRows(S, hidden);
      // From the bottom up, so each position is still the template's.
      for (const r of [...notes].sort((a, b) => b - a)) x.insertRows(S, r, 1, { B: `Ghi chú thêm trước dòng ${r}` });
      if (column !== undefined) x.insertColumn(S, column);
      const before = summary(await readOk(filled));
      const after = summary(await readOk(await x.save()));
      expect(after.totals).toEqual(before.totals);
      expect(after.problems).toEqual(before.problems);
    }),
    { numRuns: 12, seed: 16 },
  );
});
