/** Filled scoring workbooks for reader tests: what a unit, a planner and an appraiser type. */
import { findBundledSet } from '../../src/criteria';
import type { Assessment, CriteriaSet, Entry } from '../../src/domain';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import { summaryRowOf, summaryTotalRow } from '../../src/workbook/summary-sheet';
import { interpretWorkbook, type ReadableWorkbook, type ReadWorkbook } from '../../src/workbook/read/interpret';
import { readXlsxGrid } from '../../src/workbook/xlsx/read-grid';
import { renderXlsx } from '../../src/workbook/xlsx/render';

export const minhHoa: CriteriaSet = findBundledSet('minh-hoa-3-cap')!;

/**
 * Everything a file can hold, on every leaf: a valid self-score (an allowed option, or a
 * fraction of the maximum), evidence, some explanations, some "x" (not assessed), the
 * appraisal on some rows, targets for fields and criteria, who carries each row and when.
 */
export function typedAssessment(set: CriteriaSet = minhHoa): Assessment {
  const entries: Record<string, Entry> = {};
  set.nodes.forEach((node, i) => {
    const e: Entry = {};
    if (node.depth === 1) e.target = Math.round(node.maxScore * 0.8 * 10) / 10;
    if (node.depth === 2) e.target = node.maxScore;
    e.leadUnit = `Phòng ${i % 3 === 0 ? 'Hành chính' : 'Tổng hợp'}`;
    if (i % 2 === 0) e.partnerUnits = 'Văn phòng; Thanh tra';
    if (i % 4 === 0) e.deadline = i % 8 === 0 ? '30/06/2025' : 'Quý III/2025';
    if (node.isLeaf) {
      const notApplicable = node.allowNotApplicable && i % 5 === 0;
      if (notApplicable) e.notApplicable = true;
      else if (node.scoredBy === 'self') {
        e.selfScore = node.method === 'options' ? node.options[i % node.options.length].points : Math.round(node.maxScore * 0.75 * 1000) / 1000;
        e.evidence = `Văn bản số ${i + 1}/KH-SXD ngày 10/01/2025`;
        if (i % 3 === 0) e.explanation = `Tính theo hướng dẫn, dòng ${node.code}`;
      }
      if (!notApplicable && i % 2 === 1) {
        e.appraisedScore = node.method === 'options' ? node.options[(i + 1) % node.options.length].points : node.maxScore / 2;
        e.appraisalNote = `Hội đồng ghi nhận (${node.code})`;
      }
    }
    entries[node.code] = e;
  });
  return { entries };
}

export async function renderFilled(values?: Assessment, set: CriteriaSet = minhHoa, unit = 'Sở Xây dựng tỉnh Lai Châu'): Promise<Buffer> {
  return renderXlsx(buildWorkbook(set, { unit, year: 2025, createdAt: '2025-01-15T00:00:00.000Z', ...(values ? { values } : {}) }));
}

export async function readBuffer(buffer: Buffer, source = 'tep.xlsx'): Promise<ReadWorkbook> {
  return interpretWorkbook(await readXlsxGrid(buffer, source));
}

export async function readOk(buffer: Buffer, source = 'tep.xlsx'): Promise<ReadableWorkbook> {
  const read = await readBuffer(buffer, source);
  if (!read.ok) throw new Error(`unreadable: ${read.message}`);
  return read;
}

/** The template's row of a criterion, its total row and the summary rows. */
export function templateRows(set: CriteriaSet = minhHoa) {
  const layout = scoringLayout(set);
  return {
    row: (code: string) => layout.rowOf.get(code)!,
    total: layout.totalRow,
    summaryRow: (field: string) => summaryRowOf(set, field),
    summaryTotal: summaryTotalRow(set),
  };
}
