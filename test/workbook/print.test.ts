/**
 * The workbook judged on paper: each printed view of the bundled sets, of an imported-size
 * 3-level set of 90 leaves, and the consolidation of 30 submissions are printed to PDF by
 * LibreOffice and read back with `pdftotext -bbox`. Every leaf code is there (no row collapsed
 * or hidden), every page is A4 and numbered, no word is under 8 pt or overprinted by another,
 * and each signature block stands whole on one page. The pages are kept as PNG under
 * test-artifacts/print/ for a person to look at. A LibreOffice round trip keeps every row
 * visible and every formula computing the same value.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { findBundledSet } from '../../src/criteria';
import type { Assessment, CriteriaSet } from '../../src/domain';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { PRINT_VIEWS, type PrintView } from '../../src/workbook/print-views';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { randomAssessment, seeded } from '../helpers/corpus';
import { typedAssessment } from '../helpers/filled-workbook';
import { recalculate, sofficePath, valueAt } from '../helpers/libreoffice';
import { runCli } from '../helpers/run-cli';
import { syntheticSet } from '../fixtures/synthetic-set';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts/print');
const A4 = { long: 841.89, short: 595.28 };
const MIN_WORD_HEIGHT = 8;

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

interface Page {
  width: number;
  height: number;
  words: Word[];
}

/** `pdftotext -bbox`: one <page> per page, one <word> per word with its box in points. */
function pdfPages(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: Page[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: w[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/**
 * Words drawn over one another. A box runs from the top of the stacked Vietnamese marks to the
 * descenders, so the lines of one wrapped cell touch; text of a row too short for it, or a
 * title run into the line under it, covers much more of a line than that.
 */
function overlapping(page: Page): Array<[Word, Word]> {
  const out: Array<[Word, Word]> = [];
  const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    for (let j = i + 1; j < words.length && words[j].yMin < a.yMax; j++) {
      const b = words[j];
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > 1 && y > 0.4 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) out.push([a, b]);
    }
  }
  return out;
}

/** The words on a word's line, left to right, without spaces. */
function lineText(page: Page, word: Word): string {
  const line = page.words.filter((w) => Math.abs(w.yMin - word.yMin) < 2).sort((a, b) => a.xMin - b.xMin);
  return line.map((w) => w.text).join('');
}

/** A page's text without spaces: pdftotext cuts words at some stacked Vietnamese letters ("B Ộ"). */
function compact(page: Page): string {
  return page.words.map((w) => w.text).join('');
}

function isA4(page: Page): boolean {
  const [long, short] = page.width > page.height ? [page.width, page.height] : [page.height, page.width];
  return Math.abs(long - A4.long) < 1 && Math.abs(short - A4.short) < 1;
}

/** "Trang 3/7" in the footer. */
function pageNumber(page: Page): [number, number] | null {
  const i = page.words.findIndex((w, k) => w.text === 'Trang' && /^\d+\/\d+$/.test(page.words[k + 1]?.text ?? ''));
  if (i < 0) return null;
  const [n, of] = page.words[i + 1].text.split('/').map(Number);
  return [n, of];
}

/** Pages holding a signature block, and whether all its lines are on that page. */
function signaturePages(pages: Page[]): Array<{ page: number; whole: boolean }> {
  const lines = ['NGƯỜILẬPBIỂU', '(Ký,ghirõhọtên)', 'ngày……tháng……năm', 'THỦTRƯỞNGĐƠNVỊ', '(Kýtên,đóngdấu)'];
  return pages.flatMap((p, i) => {
    const text = compact(p);
    if (!lines.some((l) => text.includes(l))) return [];
    return [{ page: i + 1, whole: lines.every((l) => text.includes(l)) }];
  });
}

function pngPages(pdf: string, name: string): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${name}-`)) rmSync(join(ARTIFACTS, f));
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(ARTIFACTS, name)]);
  copyFileSync(pdf, join(ARTIFACTS, `${name}.pdf`));
  return readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

const LONG_EVIDENCE =
  'Quyết định số 125/QĐ-UBND ngày 15/3/2025 ban hành kế hoạch; Báo cáo số 48/BC-SXD ngày 20/6/2025 về kết quả thực hiện, kèm danh mục hồ sơ lưu tại Văn phòng Sở';

/** Typed values with long evidence and explanations, as units write them. */
function withLongTexts(set: CriteriaSet, base: Assessment): Assessment {
  const entries = { ...base.entries };
  set.leaves.forEach((leaf, i) => {
    if (i % 3 !== 0 || leaf.scoredBy !== 'self') return;
    entries[leaf.code] = { ...entries[leaf.code], evidence: LONG_EVIDENCE, explanation: 'Đã thực hiện đầy đủ, đúng thời hạn theo kế hoạch của UBND tỉnh.' };
  });
  return { entries };
}

interface Printed {
  name: string;
  set: CriteriaSet | null;
  pages: Page[];
  pngs: string[];
}

const haveTools = sofficePath() !== null && spawnSync('pdftotext', ['-v']).status === 0;
const suite = haveTools ? describe : describe.skip;

suite('printed on A4 by LibreOffice', () => {
  const work = mkdtempSync(join(tmpdir(), 'par-print-'));
  const printed: Printed[] = [];
  let roundTrip: { first: ExcelJS.Workbook; second: ExcelJS.Workbook; firstSheetXml: string; secondSheetXml: string; set: CriteriaSet; pdfPages: Page[] };

  beforeAll(async () => {
    const minhHoa = findBundledSet('minh-hoa-3-cap')!;
    const laiChau = findBundledSet('lai-chau-so-2025')!;
    const imported = syntheticSet(3, 5, 6);
    const books: Array<{ name: string; set: CriteriaSet; view: PrintView; values: Assessment }> = [
      ...PRINT_VIEWS.map((view) => ({ name: `minh-hoa-${view}`, set: minhHoa, view, values: withLongTexts(minhHoa, typedAssessment(minhHoa)) })),
      ...PRINT_VIEWS.map((view) => ({ name: `lai-chau-${view}`, set: laiChau, view, values: randomAssessment(laiChau, seeded(3)) })),
      { name: 'nhap-90-tu-danh-gia', set: imported, view: 'tu-danh-gia', values: withLongTexts(imported, randomAssessment(imported, seeded(5))) },
      { name: 'nhap-90-tham-dinh', set: imported, view: 'tham-dinh', values: withLongTexts(imported, randomAssessment(imported, seeded(5))) },
    ];
    const files: string[] = [];
    for (const b of books) {
      const file = join(work, `${b.name}.xlsx`);
      const spec = buildWorkbook(b.set, { unit: 'Sở Xây dựng tỉnh Lai Châu', year: 2025, values: b.values, printView: b.view, createdAt: '2025-06-30T00:00:00.000Z' });
      writeFileSync(file, await renderXlsx(spec));
      files.push(file);
    }

    // The consolidation of 30 submissions, as the council writes it.
    const inbox = join(work, 'bai-nop');
    mkdirSync(inbox);
    for (let i = 1; i <= 30; i++) {
      const values = randomAssessment(minhHoa, seeded(100 + i));
      const unit = `${i % 2 ? 'Sở' : 'UBND xã'} Đơn vị thử nghiệm số ${i}`;
      writeFileSync(join(inbox, `don-vi-${String(i).padStart(2, '0')}.xlsx`), await renderXlsx(buildWorkbook(minhHoa, { unit, year: 2025, values, createdAt: '2025-06-30T00:00:00.000Z' })));
    }
    // Beside last year's ranking: four of these units and two that sent nothing this year.
    const lastYear = join(work, 'nam-truoc');
    mkdirSync(lastYear);
    for (const i of [1, 2, 3, 4, 31, 32]) {
      const unit = `${i % 2 ? 'Sở' : 'UBND xã'} Đơn vị thử nghiệm số ${i}`;
      const values = randomAssessment(minhHoa, seeded(200 + i));
      writeFileSync(join(lastYear, `don-vi-${i}-2024.xlsx`), await renderXlsx(buildWorkbook(minhHoa, { unit, year: 2024, values, createdAt: '2024-06-30T00:00:00.000Z' })));
    }
    const report = join(work, 'tong-hop-30.xlsx');
    const run = await runCli(['check', inbox, '--report', report, '--previous', lastYear]);
    expect(run.code).toBeLessThan(2);
    files.push(report);

    // The round trip: a filled workbook opened and saved as .xlsx by LibreOffice, twice.
    const tripDir = join(work, 'trip1');
    const [first] = await recalculate([files[0]], { outDir: tripDir });
    const [second] = await recalculate([first], { outDir: join(work, 'trip2') });
    const tripCopy = join(work, 'khu-hoi-libreoffice.xlsx');
    copyFileSync(first, tripCopy);
    files.push(tripCopy);

    const pdfs = await recalculate(files, { convertTo: 'pdf', outDir: join(work, 'pdf'), timeoutMs: 600_000 });
    pdfs.forEach((pdf, i) => {
      const name = i < books.length ? books[i].name : i === books.length ? 'tong-hop-30' : 'khu-hoi-libreoffice';
      const set = i < books.length ? books[i].set : i === books.length ? null : minhHoa;
      printed.push({ name, set, pages: pdfPages(pdf), pngs: pngPages(pdf, name) });
    });
    const load = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb;
    };
    const sheetXml = async (f: string) => (await JSZip.loadAsync(readFileSync(f))).file('xl/worksheets/sheet1.xml')!.async('string');
    roundTrip = {
      first: await load(first),
      second: await load(second),
      firstSheetXml: await sheetXml(first),
      secondSheetXml: await sheetXml(second),
      set: minhHoa,
      pdfPages: printed[printed.length - 1].pages,
    };
  }, 900_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('every leaf code of the set is printed: no row collapsed or hidden', () => {
    for (const p of printed.filter((x) => x.set)) {
      const words = new Set(p.pages.flatMap((page) => page.words.map((w) => w.text)));
      const missing = p.set!.leaves.map((l) => l.code).filter((code) => !words.has(code));
      expect([p.name, missing]).toEqual([p.name, []]);
    }
  });

  test('the consolidation prints every unit, ranked', () => {
    const report = printed.find((p) => p.name === 'tong-hop-30')!;
    const text = report.pages.map(compact).join('\n');
    for (let i = 1; i <= 30; i++) expect(text).toContain(`don-vi-${String(i).padStart(2, '0')}.xlsx`);
    expect(text).toContain('TỔNGHỢPKẾTQUẢKIỂMTRA');
    // Last year's columns and the units gone since, on the same pages.
    for (const words of ['Hạngnămtrước', 'Thayđổi', 'mới', 'don-vi-31-2024.xlsx', 'don-vi-32-2024.xlsx']) expect(text).toContain(words);
  });

  test('every page is A4, numbered "Trang n/N", and kept as a PNG', () => {
    for (const p of printed) {
      expect(p.pages.length).toBeGreaterThan(0);
      expect([p.name, p.pages.filter((page) => !isA4(page)).length]).toEqual([p.name, 0]);
      p.pages.forEach((page, i) => {
        const number = pageNumber(page);
        expect([p.name, i + 1, number !== null && number[0] >= 1 && number[0] <= number[1]]).toEqual([p.name, i + 1, true]);
      });
      expect(p.pngs).toHaveLength(p.pages.length);
    }
  });

  test('legible: no word under 8 pt high, body text about 10 pt or more at print scale', () => {
    for (const p of printed) {
      const heights = p.pages.flatMap((page) => page.words.map((w) => w.yMax - w.yMin)).sort((a, b) => a - b);
      const small = p.pages.flatMap((page) => page.words.filter((w) => w.yMax - w.yMin < MIN_WORD_HEIGHT).map((w) => `${w.text} (${(w.yMax - w.yMin).toFixed(1)})`));
      expect([p.name, small.slice(0, 10)]).toEqual([p.name, []]);
      const median = heights[Math.floor(heights.length / 2)];
      expect([p.name, median >= 9.5]).toEqual([p.name, true]);
    }
  });

  test('no two words overprint each other (rows tall enough, titles not clipped)', () => {
    for (const p of printed) {
      const clashes = p.pages.flatMap((page, i) => overlapping(page).map(([a, b]) => `page ${i + 1}: "${a.text}" × "${b.text}"`));
      expect([p.name, clashes.slice(0, 6)]).toEqual([p.name, []]);
    }
  });

  test('each signature block stands whole on one page: one for the form, one for the plan table', () => {
    for (const p of printed.filter((x) => x.set)) {
      const blocks = signaturePages(p.pages);
      expect([p.name, blocks.map((b) => b.whole)]).toEqual([p.name, [true, true]]);
    }
  });

  test('the self-assessment form leaves out the appraisal columns; the appraisal form has them', () => {
    const text = (name: string) => printed.find((p) => p.name === name)!.pages.map(compact).join('');
    expect(text('minh-hoa-tu-danh-gia')).not.toContain('Ýkiếnthẩmđịnh');
    expect(text('minh-hoa-tham-dinh')).toContain('Ýkiếnthẩmđịnh');
    expect(text('minh-hoa-ke-hoach')).toContain('Cơquanchủtrì,theodõi');
  });

  test("every form of the scoring sheet prints the head's result: points of the maximum and the rate", () => {
    for (const view of PRINT_VIEWS) {
      const page = printed.find((p) => p.name === `minh-hoa-${view}`)!.pages.find((x) => compact(x).includes('BẢNGTỰĐÁNHGIÁ'))!;
      // "Tự đánh giá (điểm / tối đa áp dụng / tỷ lệ): 43.875 / 72 60.94%" (LibreOffice prints in its
      // own locale): on the label's line, the head's maximum (E) and rate (F) beside the points.
      const label = page.words.find((w) => lineText(page, w).startsWith('Tựđánhgiá('));
      expect([view, label !== undefined && /\):[\d.,]*\/[\d.,]+%$/.test(lineText(page, label))]).toEqual([view, true]);
    }
  });

  test('a LibreOffice round trip keeps every row visible and every formula computing the same', () => {
    const { first, second, set } = roundTrip;
    // As the files say it (exceljs's own "collapsed" is a guess from the outline levels).
    for (const xml of [roundTrip.firstSheetXml, roundTrip.secondSheetXml]) {
      const rows = [...xml.matchAll(/<row [^>]*>/g)].map((m) => m[0]);
      expect(rows.length).toBeGreaterThan(set.nodes.length);
      expect(rows.filter((r) => /\b(hidden|collapsed)="(1|true)"/.test(r))).toEqual([]);
      expect(rows.filter((r) => /outlineLevel="[1-9]"/.test(r)).length).toBeGreaterThan(set.nodes.length / 2);
    }
    let formulas = 0;
    for (const ws of first.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          formulas++;
          expect([ws.name, cell.address, valueAt(second, ws.name, cell.address)]).toEqual([ws.name, cell.address, valueAt(first, ws.name, cell.address)]);
        }),
      );
    }
    expect(formulas).toBeGreaterThan(set.nodes.length * 5);
    const words = new Set(roundTrip.pdfPages.flatMap((page) => page.words.map((w) => w.text)));
    expect(set.leaves.map((l) => l.code).filter((code) => !words.has(code))).toEqual([]);
  });
});
