/**
 * Seed 001 reproduced: the Sở Xây dựng Lai Châu workbook with the plan's targets and
 * responsibility columns, through `plan --docx`, read back from the Word XML and from the
 * PDF LibreOffice prints of it. The PDF's pages stay in test-artifacts/plan-doc/ to look at.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { findBundledSet } from '../../src/criteria';
import type { Assessment, Entry } from '../../src/domain';
import { readValueFile } from '../../src/cli/value-file';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { recalculate } from '../helpers/libreoffice';
import { runCli } from '../helpers/run-cli';

const set = findBundledSet('lai-chau-so-2025')!;
const fixtures = join(__dirname, '../fixtures');
const artifacts = join(__dirname, '../../test-artifacts/plan-doc');

/** Seed 001's "Mục tiêu cụ thể": field, maximum, target, rate as printed, lead unit. */
const SEED = [
  ['Công tác chỉ đạo điều hành', '10', '9', '≥ 90%', 'Văn phòng Sở'],
  ['Cải cách thể chế', '6,5', '6,5', '100%', 'Văn phòng Sở'],
  ['Cải cách TTHC', '25,5', '15,3', '≥ 60%', 'Văn phòng Sở'],
  ['Cải cách bộ máy hành chính', '9', '9', '100%', 'Văn phòng Sở'],
  ['Cải cách chế độ công vụ', '10', '10', '100%', 'Văn phòng Sở'],
  ['Cải cách tài chính công', '8,5', '5,5', '≥ 65%', 'Phòng Quản lý vận tải'],
  ['Xây dựng phát triển chính quyền điện tử, chính quyền số', '7,5', '7', '≥ 93%', 'Văn phòng Sở'],
  ['Tác động của CCHC', '23', '16', '≥ 70%', 'Văn phòng Sở'],
];
/** The same rates at two decimals, computed by hand from the seed's points. */
const TWO_DECIMALS = ['90,00%', '100,00%', '60,00%', '100,00%', '100,00%', '64,71%', '93,33%', '69,57%'];

/** Last year's results typed in the file (self, and appraised where the council changed them). */
const RESULTS: Record<string, Entry> = {
  '1': { selfScore: 9, appraisedScore: 8 },
  '2': { selfScore: 6.5 },
  '3': { selfScore: 14, appraisedScore: 12.5 },
  '4': { selfScore: 9 },
  '5': { selfScore: 10 },
  '6': { selfScore: 5 },
  '7': { selfScore: 7 },
  '8': { selfScore: 15.5 },
};

function seedAssessment(): Assessment {
  const entries: Record<string, Entry> = {};
  for (const row of readValueFile(join(fixtures, 'seed001-targets.csv'), 'target', set)) {
    const i = Number(row.code) - 1;
    entries[row.code] = {
      ...RESULTS[row.code],
      target: Number(String(row.value).replace(',', '.')),
      leadUnit: SEED[i][4],
      partnerUnits: 'Các phòng, ban, đơn vị',
      deadline: 'Thường xuyên',
    };
  }
  return { entries };
}

const xml = (text: string) => new new JSDOM('').window.DOMParser().parseFromString(text, 'application/xml');

/** Each table of the document as rows of cell texts (a cell's paragraphs joined by a line break). */
function tablesOf(doc: Document): string[][][] {
  return [...doc.getElementsByTagName('w:tbl')].map((tbl) =>
    [...tbl.getElementsByTagName('w:tr')].map((tr) =>
      [...tr.getElementsByTagName('w:tc')].map((tc) =>
        [...tc.getElementsByTagName('w:p')].map((p) => [...p.getElementsByTagName('w:t')].map((t) => t.textContent).join('')).join('\n'),
      ),
    ),
  );
}

let tmp: string;
let workbook: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'par-plan-docx-'));
  workbook = join(tmp, 'so-xay-dung-2025.xlsx');
  const spec = buildWorkbook(set, { unit: 'Sở Xây dựng tỉnh Lai Châu', year: 2025, createdAt: '2025-05-20T00:00:00.000Z', values: seedAssessment() });
  writeFileSync(workbook, await renderXlsx(spec));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function docxXml(path: string): Promise<Document> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return xml(await zip.file('word/document.xml')!.async('string'));
}

describe('plan FILE.xlsx --docx', () => {
  it('writes the seed 001 table, its total and goal, A4 portrait in Times New Roman (read from the XML)', async () => {
    const out = join(tmp, 'KE-HOACH.docx');
    const r = await runCli(['plan', workbook, '--docx', out]);
    expect(r.stderr).toContain('Đã ghi');
    expect(r.code).toBe(0);
    const doc = await docxXml(out);
    const targets = tablesOf(doc).find((t) => t[0][0] === 'Stt' && t[0][1] === 'Chỉ số thành phần')!;
    expect(targets[0]).toEqual([
      'Stt',
      'Chỉ số thành phần',
      'Điểm tối đa',
      'Mục tiêu điểm năm 2025',
      'Tỷ lệ đạt năm 2025',
      'Cơ quan chủ trì, theo dõi',
      'Cơ quan phối hợp/thực hiện',
      'Thời gian thực hiện',
    ]);
    expect(targets.slice(1, 9)).toEqual(
      SEED.map(([name, max, target, , lead], i) => [String(i + 1), name, max, target, TWO_DECIMALS[i], lead, 'Các phòng, ban, đơn vị', 'Thường xuyên']),
    );
    expect(targets[9]).toEqual(['', 'Tổng cộng', '100', '78,3', '78,30%', '', '', '']);
    const body = doc.getElementsByTagName('w:body')[0].textContent!;
    expect(body).toContain('Phấn đấu điểm Chỉ số cải cách hành chính năm 2025 đạt 78,3% trở lên và tăng hạng so với năm 2024.');
    expect(body).toContain('SỞ XÂY DỰNG TỈNH LAI CHÂU');

    const sect = doc.getElementsByTagName('w:sectPr')[0];
    const pgSz = sect.getElementsByTagName('w:pgSz')[0];
    expect([pgSz.getAttribute('w:w'), pgSz.getAttribute('w:h')]).toEqual(['11906', '16838']);
    expect(pgSz.getAttribute('w:orient') ?? 'portrait').toBe('portrait');
    const mar = sect.getElementsByTagName('w:pgMar')[0];
    const mmOf = (name: string) => (Number(mar.getAttribute(`w:${name}`)) * 25.4) / 1440;
    expect(mmOf('top')).toBeCloseTo(20, 0);
    expect(mmOf('bottom')).toBeCloseTo(20, 0);
    expect(mmOf('left')).toBeCloseTo(30, 0);
    expect(mmOf('right')).toBeCloseTo(15, 0);
    const runs = [...doc.getElementsByTagName('w:r')].filter((r) => r.getElementsByTagName('w:t').length > 0);
    const fonts = new Set(runs.map((r) => r.getElementsByTagName('w:rFonts')[0]?.getAttribute('w:ascii')));
    expect([...fonts]).toEqual(['Times New Roman']);
    const sizes = new Set(runs.map((r) => Number(r.getElementsByTagName('w:sz')[0]?.getAttribute('w:val')) / 2));
    expect([...sizes].every((pt) => pt >= 12 && pt <= 14)).toBe(true);
  });

  it('prints the rates as the seed does with --rounded-rates, and lists the lost criteria per field, most lost first', async () => {
    const out = join(tmp, 'KE-HOACH-lam-tron.docx');
    const r = await runCli(['plan', workbook, '--docx', out, '--rounded-rates']);
    expect(r.code).toBe(0);
    const tables = tablesOf(await docxXml(out));
    const targets = tables.find((t) => t[0][1] === 'Chỉ số thành phần')!;
    expect(targets.slice(1, 9).map((row) => row[4])).toEqual(SEED.map((s) => s[3]));
    expect(targets[9][4]).toBe('≥ 78,3%');

    const appendix = tables.filter((t) => t[0][1] === 'Mục tiêu');
    expect(appendix[0][0]).toEqual(['Stt', 'Mục tiêu', 'Nhiệm vụ/giải pháp', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Sản phẩm']);
    // Fields in the set's order, each with what it lost on the final basis (appraised where appraised).
    const lost = appendix.map((t) => t.slice(1).map((row) => row[1].split('\n').slice(0, 2).join(' ')));
    expect(lost).toEqual([
      ['1. Công tác chỉ đạo điều hành Đã đạt 8/10 điểm, mất 2 điểm.'],
      ['3. Cải cách TTHC Đã đạt 12,5/25,5 điểm, mất 13 điểm.'],
      ['6. Cải cách tài chính công Đã đạt 5/8,5 điểm, mất 3,5 điểm.'],
      ['7. Xây dựng phát triển chính quyền điện tử, chính quyền số Đã đạt 7/7,5 điểm, mất 0,5 điểm.'],
      ['8. Tác động của CCHC Đã đạt 15,5/23 điểm, mất 7,5 điểm.'],
    ]);
    // Tasks and products are the planner's to write: the workbook has no column for them.
    expect(appendix[2][1]).toEqual(['1', expect.stringContaining('Mục tiêu năm 2025: 5,5 điểm.'), '', 'Phòng Quản lý vận tải', 'Các phòng, ban, đơn vị', 'Thường xuyên', '']);
  });

  it('refuses to replace an existing document without --force, and --docx without a workbook', async () => {
    const out = join(tmp, 'co-san.docx');
    writeFileSync(out, 'ban nhap');
    const r = await runCli(['plan', workbook, '--docx', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('co-san.docx đã có; lệnh này không ghi đè để không làm mất phần kế hoạch đã soạn');
    expect(readFileSync(out, 'utf8')).toBe('ban nhap');
    expect((await runCli(['plan', workbook, '--docx', out, '--force'])).code).toBe(0);
    const noFile = await runCli(['plan', '--set', 'lai-chau-so-2025', '--targets', join(fixtures, 'seed001-targets.csv'), '--docx', out]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('--docx cần tệp chấm điểm');
  });

  it('prints through LibreOffice as an A4 portrait page with the seed table on it', async () => {
    const out = join(tmp, 'ke-hoach-2025.docx');
    expect((await runCli(['plan', workbook, '--docx', out])).code).toBe(0);
    const [pdf] = await recalculate([out], { convertTo: 'pdf', outDir: join(tmp, 'pdf') });
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    // Kept before the checks, so the pages are there to look at when one fails.
    copyFileSync(pdf, join(artifacts, 'ke-hoach-2025.pdf'));
    const png = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(artifacts, 'trang')]);
    expect(png.status).toBe(0);
    expect(readdirSync(artifacts).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number);
    // A4 is 595,3 × 841,9 pt; portrait is taller than wide.
    expect(w).toBeCloseTo(595.3, 0);
    expect(h).toBeCloseTo(841.9, 0);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    const lines = text.split('\n');
    // Cells are centred vertically and names wrap: each row's figures sit on the line that
    // starts with its number, its name's first words within the lines around it.
    let previous = -1;
    SEED.forEach(([name, max, target], i) => {
      const figures = new RegExp(`^\\s*${i + 1}\\s+(.*\\s)?${max}\\s+${target}\\s+${TWO_DECIMALS[i]}(\\s|$)`);
      const at = lines.findIndex((l, n) => n > previous && figures.test(l));
      expect({ row: i + 1, found: at > previous }).toEqual({ row: i + 1, found: true });
      const firstWords = name.split(' ').slice(0, 2).join(' ');
      expect(lines.slice(Math.max(0, at - 3), at + 1).join('\n')).toContain(firstWords);
      previous = at;
    });
    expect(text).toMatch(/Tổng cộng\s+100\s+78,3\s+78,30%/);
    // pdftotext splits some stacked Vietnamese diacritics from their letter ("tr ở"): compare without spaces.
    expect(text.replace(/\s+/g, '')).toContain('đạt78,3%trởlênvàtănghạngsovớinăm2024');
    // No page holds only its number (a page break after a full page leaves such a page).
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.filter((p) => /^\s*\d+\s*$/.test(p))).toEqual([]);

  }, 180_000);
});
