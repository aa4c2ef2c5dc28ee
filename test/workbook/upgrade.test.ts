/**
 * Safe updates: rebuilding a filled workbook (same set, or a new version of it) keeps
 * 100 % of what was typed — by criterion code in the new table, or listed with its old
 * cell in "Dữ liệu cũ". Proven through real .xlsx files, written and read back.
 */
import { criteriaSetToData, loadCriteriaSet, type Assessment, type CriteriaSet, type CriterionData, type EntryField } from '../../src/domain';
import type { WorkbookGrid } from '../../src/workbook/grid';
import { ORPHAN_SHEET } from '../../src/workbook/orphan-sheet';
import { planUpgrade, UpgradeError } from '../../src/workbook/upgrade';
import { readXlsxGrid } from '../../src/workbook/xlsx/read-grid';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { minhHoa, readOk, renderFilled, typedAssessment } from '../helpers/filled-workbook';

type Typed = Array<{ code: string; field: EntryField; value: unknown }>;

function typedValues(assessment: Assessment): Typed {
  return Object.entries(assessment.entries).flatMap(([code, entry]) =>
    Object.entries(entry)
      .filter(([field, value]) => field !== 'statedSelfTotal' && value !== undefined && value !== null && value !== false && value !== '')
      .map(([field, value]) => ({ code, field: field as EntryField, value })),
  );
}

async function gridOf(buffer: Buffer, source = 'cu.xlsx'): Promise<WorkbookGrid> {
  return readXlsxGrid(buffer, source);
}

/** Version 2 of the illustrative set: one leaf removed, one leaf split, one N/A forbidden. */
function nextVersion(set: CriteriaSet, changes: { removed: string; split: string; noNa: string }): CriteriaSet {
  const data = criteriaSetToData(set);
  const edit = (items: CriterionData[]): CriterionData[] =>
    items.flatMap((item) => {
      if (item.children) {
        const children = edit(item.children);
        const removed = item.children.find((c) => c.code === changes.removed);
        if (removed) children[0] = { ...children[0], ...bump(children[0], removed.maxScore) };
        return [{ ...item, children }];
      }
      if (item.code === changes.removed) return [];
      if (item.code === changes.split) {
        const half = item.maxScore / 2;
        const { method: _m, options: _o, ratio: _r, ...rest } = item;
        return [{ ...rest, children: [1, 2].map((n) => ({ code: `${item.code}.${n}`, name: `${item.name} — phần ${n}`, maxScore: half })) }];
      }
      if (item.code === changes.noNa) return [{ ...item, allowNotApplicable: false }];
      return [item];
    });
  return loadCriteriaSet({ ...data, version: `${data.version}-2`, items: edit(data.items) }, 'phiên bản 2');
}

/** The first child absorbs a removed sibling's maximum, so every parent still sums. */
function bump(child: CriterionData, extra: number): Partial<CriterionData> {
  if (child.children) return { maxScore: child.maxScore + extra, children: [{ ...child.children[0], ...bump(child.children[0], extra) }, ...child.children.slice(1)] };
  const maxScore = Math.round((child.maxScore + extra) * 1000) / 1000;
  return child.method === 'options' ? { maxScore, method: 'free', options: undefined } : { maxScore };
}

describe('updating a filled workbook on the same set', () => {
  it('keeps every typed value where it was: 100 % read back identical, nothing orphaned', async () => {
    const typed = typedAssessment();
    const grid = await gridOf(await renderFilled(typed));
    const plan = planUpgrade(grid, minhHoa, { createdAt: '2025-02-01T00:00:00.000Z' });
    expect(plan.orphaned).toEqual([]);
    expect(plan.carried).toBe(typedValues(typed).length);
    expect(plan.carried).toBeGreaterThan(minhHoa.nodes.length * 3);
    const again = await readOk(await renderXlsx(plan.spec), 'moi.xlsx');
    expect(again.assessment.entries).toEqual(typed.entries);
    expect(again.unit).toBe('Sở Xây dựng tỉnh Lai Châu');
    expect(again.year).toBe(2025);
    expect(plan.spec.sheets.map((s) => s.name)).not.toContain(ORPHAN_SHEET);
  });

  it('refuses a workbook that is not a scoring workbook, naming it', async () => {
    const grid: WorkbookGrid = { source: 'ghi-chu.xlsx', sheets: [{ name: 'Sheet1', state: 'visible', values: [['x']], formulas: [[null]] }], names: {} };
    expect(() => planUpgrade(grid, minhHoa)).toThrow(UpgradeError);
    expect(() => planUpgrade(grid, minhHoa)).toThrow(/ghi-chu\.xlsx/);
  });
});

describe('upgrading to a new version of the set', () => {
  const typed = typedAssessment();
  const naLeaf = minhHoa.leaves.find((l) => typed.entries[l.code]?.notApplicable)!;
  const splitLeaf = minhHoa.leaves.find((l) => l.code !== naLeaf.code && typed.entries[l.code]?.selfScore !== undefined && typed.entries[l.code]?.evidence !== undefined)!;
  const parentWithMany = minhHoa.nodes.find((n) => !n.isLeaf && n.children.length >= 3 && n.children.every((c) => c.isLeaf) && !n.children.some((c) => c.code === naLeaf.code || c.code === splitLeaf.code))!;
  const removed = parentWithMany.children[parentWithMany.children.length - 1];
  const v2 = nextVersion(minhHoa, { removed: removed.code, split: splitLeaf.code, noNa: naLeaf.code });

  it('the new version is a valid set of 100 points with the three changes', () => {
    expect(v2.totalMax).toBe(100);
    expect(v2.byCode.has(removed.code)).toBe(false);
    expect(v2.byCode.get(splitLeaf.code)!.isLeaf).toBe(false);
    expect(v2.byCode.get(naLeaf.code)!.allowNotApplicable).toBe(false);
  });

  it('carries every value that still fits and lists every other one — 100 % accounted for, through .xlsx', async () => {
    const plan = planUpgrade(await gridOf(await renderFilled(typed)), v2);
    const all = typedValues(typed);
    expect(plan.carried + plan.orphaned.length).toBe(all.length);

    // Orphans are exactly the removed row's values, the split leaf's leaf-only values and the forbidden "x".
    const leafOnly = new Set(['selfScore', 'appraisedScore', 'notApplicable', 'evidence', 'explanation', 'appraisalNote']);
    const expectedOrphans = all.filter(
      (v) => v.code === removed.code || (v.code === splitLeaf.code && leafOnly.has(v.field)) || (v.code === naLeaf.code && v.field === 'notApplicable'),
    );
    expect(plan.orphaned.map((o) => [o.code, o.field, o.value, o.reason]).sort()).toEqual(
      expectedOrphans
        .map((v) => [v.code, v.field, v.value, v.code === removed.code ? 'row-removed' : v.code === splitLeaf.code ? 'now-a-parent' : 'not-applicable-not-allowed'])
        .sort(),
    );
    // Each orphan points at its old cell.
    for (const o of plan.orphaned) expect(o.cell?.sheet).toBe('Chấm điểm');

    const file = await renderXlsx(plan.spec);
    const again = await readOk(file, 'moi.xlsx');
    expect(again.set.version).toBe(v2.version);
    for (const v of all) {
      if (expectedOrphans.includes(v)) continue;
      expect([v.code, v.field, again.assessment.entries[v.code]?.[v.field]]).toEqual([v.code, v.field, v.value]);
    }
    // The orphan sheet holds each value, typed as it was, beside its old cell.
    const orphanSheet = (await gridOf(file, 'moi.xlsx')).sheets.find((s) => s.name === ORPHAN_SHEET)!;
    const rows = orphanSheet.values.slice(4);
    expect(rows).toHaveLength(plan.orphaned.length);
    plan.orphaned.forEach((o, i) => {
      expect(rows[i][0]).toBe(o.code);
      expect(rows[i][2]).toBe(o.value === true ? 'x' : o.value);
      expect(rows[i][3]).toBe(`${o.cell!.sheet}!${o.cell!.cell}`);
    });
  });

  it('keeps what an officer typed in a row inserted among the criteria', async () => {
    const grid = await gridOf(await renderFilled(typed));
    const sheet = grid.sheets.find((s) => s.name === 'Chấm điểm')!;
    const codeCol = 0;
    const at = sheet.values.findIndex((r) => r[codeCol] === '1.1.1');
    const width = sheet.values[at].length;
    const note: (string | null)[] = Array(width).fill(null);
    note[1] = 'Ghi chú: đã xin ý kiến Sở Nội vụ';
    note[6] = 'Công văn 12/SNV';
    // Excel moves the formulas below the row down; rebuilding them is the reader's job, not this test's.
    sheet.values.splice(at + 1, 0, note);
    sheet.formulas.splice(at + 1, 0, Array(width).fill(null));
    const plan = planUpgrade(grid, minhHoa);
    const inserted = plan.orphaned.filter((o) => o.code.startsWith('dòng'));
    expect(inserted.map((o) => [o.field, o.value, o.cell!.cell])).toEqual([
      ['explanation', 'Ghi chú: đã xin ý kiến Sở Nội vụ', `B${at + 2}`],
      ['evidence', 'Công văn 12/SNV', `G${at + 2}`],
    ]);
    expect(plan.carried).toBe(typedValues(typed).length);
  });
});
