/**
 * check --previous: this year's ranking beside last year's. Two folders of 20 submissions
 * on minh-hoa-3-cap: in 2025 fifteen units are back (one typed with other spacing and
 * case), two renamed but sending the same file name, three new; three of 2024's units are
 * gone, and one 2025 file has an error (listed, not ranked). Every expected rank comes from
 * the shares of the maximum chosen here, not from the program's output. Last year's report
 * as --previous gives the same comparison as last year's folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { findBundledSet } from '../../src/criteria';
import { computeResult, type Assessment, type CriteriaSet } from '../../src/domain';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { runBin, runCli } from '../helpers/run-cli';

const minhHoa: CriteriaSet = findBundledSet('minh-hoa-3-cap')!;
const tmp = mkdtempSync(join(tmpdir(), 'par-previous-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every self-scored leaf: the best option, or this share of its maximum; the other scorers' rows all given. */
function scored(share: number): Assessment {
  const entries: Assessment['entries'] = {};
  minhHoa.leaves.forEach((leaf, i) => {
    const points = leaf.method === 'options' ? Math.max(...leaf.options.map((o) => o.points)) : Math.round(leaf.maxScore * share * 1000) / 1000;
    entries[leaf.code] = leaf.scoredBy === 'self' ? { selfScore: points, evidence: `Văn bản ${i + 1}/KH` } : { appraisedScore: points };
  });
  return { entries };
}

interface Submission {
  file: string;
  unit: string;
  share: number;
  /** A score above the maximum: the file has an error and is not ranked. */
  broken?: boolean;
}

const pad = (i: number) => String(i).padStart(2, '0');
const unitName = (i: number) => `Sở Đơn vị ${pad(i)}`;

/** 2024: units 1–20, the higher the number the better. */
const year2024: Submission[] = Array.from({ length: 20 }, (_, k) => ({ file: `don-vi-${pad(k + 1)}-2024.xlsx`, unit: unitName(k + 1), share: 0.3 + 0.03 * (k + 1) }));

/** 2025: the order turned round for units 1–15; 16, 17 renamed; 18–20 gone; 21–23 new; 5 has an error. */
const year2025: Submission[] = [
  ...Array.from({ length: 15 }, (_, k) => ({ file: `don-vi-${pad(k + 1)}-2025.xlsx`, unit: unitName(k + 1), share: 0.95 - 0.03 * (k + 1) })),
  { file: 'don-vi-16-2025.xlsx', unit: 'Sở Nông nghiệp và Môi trường', share: 0.905 },
  { file: 'don_vi_17 2025.xlsx', unit: 'Sở Dân tộc và Tôn giáo', share: 0.335 },
  { file: 'moi-21-2025.xlsx', unit: 'Sở Thành lập 21', share: 0.93 },
  { file: 'moi-22-2025.xlsx', unit: 'Sở Thành lập 22', share: 0.515 },
  { file: 'moi-23-2025.xlsx', unit: 'Sở Thành lập 23', share: 0.31 },
];
year2025[2].unit = '  sở  ĐƠN VỊ 03 '.normalize('NFD');
year2025[4].broken = true;

const freeLeaf = minhHoa.leaves.find((l) => l.scoredBy === 'self' && l.method === 'free' && !l.allowNotApplicable)!;

function values(s: Submission): Assessment {
  const v = scored(s.share);
  if (s.broken) v.entries[freeLeaf.code] = { selfScore: freeLeaf.maxScore + 1, evidence: 'Văn bản' };
  return v;
}

/** Ranks from the shares chosen: the larger share ranks higher; a broken file has none. */
function expectedRanks(subs: readonly Submission[]): Map<string, number | null> {
  const ranked = subs.filter((s) => !s.broken).sort((a, b) => b.share - a.share);
  return new Map(subs.map((s) => [s.file, s.broken ? null : ranked.indexOf(s) + 1]));
}

async function writeFolder(name: string, subs: readonly Submission[], year: number): Promise<void> {
  mkdirSync(join(tmp, name));
  for (const s of subs) {
    const spec = buildWorkbook(minhHoa, { unit: s.unit, year, values: values(s), createdAt: `${year}-06-30T00:00:00.000Z` });
    writeFileSync(join(tmp, name, s.file), await renderXlsx(spec));
  }
}

interface Entry {
  file: string;
  unit: string;
  rank: number | null;
  publishedIndex: number | null;
  previousIndex: number | null;
  previousRank: number | null;
  rankChange: number | null;
  matchedBy: 'unit' | 'file' | null;
  change: string;
}
interface Unmatched {
  unit: string;
  file: string;
  setId: string;
  year: number;
  rank: number | null;
  index: number | null;
}

const rank2024 = expectedRanks(year2024);
const rank2025 = expectedRanks(year2025);
/** This year's file → last year's, as a person pairs them: by unit, or by file for the renamed. */
const lastYearOf = (file: string) => (file.startsWith('moi-') ? null : `don-vi-${file.slice(7, 9)}-2024.xlsx`);
const published2024 = new Map(year2024.map((s) => [s.file, computeResult(minhHoa, values(s)).final.publishedIndex]));

let folderJson: { ranking: Entry[]; previous: { source: string; units: number; unmatched: Unmatched[] } };
let folderRun: { code: number; stdout: string; stderr: string };
beforeAll(async () => {
  await writeFolder('2024', year2024, 2024);
  await writeFolder('2025', year2025, 2025);
  // The shares give 20 different published indices each year: the ranks above are the program's to match.
  for (const subs of [year2024, year2025]) {
    const indices = subs.filter((s) => !s.broken).map((s) => computeResult(minhHoa, values(s)).final.publishedIndex);
    expect(new Set(indices).size).toBe(indices.length);
  }
  expect((await runCli(['check', '2024', '--report', 'tong-hop-2024.xlsx'], tmp)).code).toBe(0);
  folderRun = await runCli(['check', '2025', '--json', '--report', 'tong-hop-2025.xlsx', '--previous', '2024'], tmp);
  folderJson = JSON.parse(folderRun.stdout);
}, 120_000);

describe('check --previous', () => {
  it('--json: each unit gets last year\'s index and rank and the change; renamed units found by file name; new and gone units told apart', () => {
    expect(folderRun.code).toBe(1); // 2025's unit 5 has an error
    const entries = folderJson.ranking;
    expect(entries).toHaveLength(20);
    for (const s of year2025) {
      const e = entries.find((x) => x.file === `2025/${s.file}`)!;
      const before = lastYearOf(s.file);
      const rank = rank2025.get(s.file)!;
      const previousRank = before === null ? null : rank2024.get(before)!;
      expect([s.file, e.rank, e.previousRank, e.previousIndex, e.rankChange, e.matchedBy]).toEqual([
        s.file,
        rank,
        previousRank,
        before === null ? null : published2024.get(before),
        rank === null || previousRank === null ? null : previousRank - rank,
        before === null ? null : s.file.match(/-1[67]-| 2025/) ? 'file' : 'unit',
      ]);
    }
    const at = (file: string) => entries.find((x) => x.file === `2025/${file}`)!;
    // Named units, worked out by hand from the shares. 2025's order: 21 (0,93), 1 (0,92),
    // 16 (0,905), 2, 3, 4, 6, …, 14, 22 (0,515), 15 (0,5), 17 (0,335), 23 (0,31); 5 not ranked.
    // 2024's: unit k is 21 − k.
    expect(at('don-vi-01-2025.xlsx')).toMatchObject({ rank: 2, previousRank: 20, rankChange: 18, change: 'tăng 18 bậc' });
    expect(at('don-vi-16-2025.xlsx')).toMatchObject({ rank: 3, previousRank: 5, rankChange: 2, matchedBy: 'file', change: 'tăng 2 bậc' });
    expect(at('don_vi_17 2025.xlsx')).toMatchObject({ rank: 18, previousRank: 4, rankChange: -14, matchedBy: 'file', change: 'giảm 14 bậc' });
    expect(at('don-vi-10-2025.xlsx')).toMatchObject({ rank: 11, previousRank: 11, rankChange: 0, change: 'giữ hạng' });
    expect(at('don-vi-03-2025.xlsx')).toMatchObject({ rank: 5, previousRank: 18, rankChange: 13, matchedBy: 'unit' });
    expect(at('don-vi-05-2025.xlsx')).toMatchObject({ rank: null, previousRank: 16, rankChange: null, change: '—' });
    expect(at('moi-21-2025.xlsx')).toMatchObject({ rank: 1, previousRank: null, rankChange: null, matchedBy: null, change: 'mới' });
    // Units 18–20 sent nothing this year: listed with last year's rank.
    expect(folderJson.previous.unmatched.map((u) => [u.unit, u.rank, u.year, u.setId])).toEqual([
      [unitName(20), 1, 2024, 'minh-hoa-3-cap'],
      [unitName(19), 2, 2024, 'minh-hoa-3-cap'],
      [unitName(18), 3, 2024, 'minh-hoa-3-cap'],
    ]);
    expect(folderJson.previous).toMatchObject({ source: '2024', units: 20 });
  });

  it('the terminal shows the change on each ranking line and the units gone', () => {
    // Last year's files all read: nothing said about them.
    expect(folderRun.stderr).not.toContain('Năm trước');
    return runCli(['check', '2025', '--previous', '2024'], tmp).then((r) => {
      const line = r.stdout.split('\n').find((l) => l.includes('2025/don-vi-01-2025.xlsx') && l.startsWith('  2.'))!;
      expect(line).toContain('năm trước: hạng 20, tăng 18 bậc');
      expect(r.stdout.split('\n').find((l) => l.includes('moi-21-2025.xlsx') && l.startsWith('  1.'))).toContain('năm trước: mới');
      expect(r.stdout.split('\n').find((l) => l.includes('don-vi-16-2025.xlsx') && l.startsWith('  3.'))).toContain('năm trước: hạng 5 (tên khi đó: Sở Đơn vị 16), tăng 2 bậc');
      expect(r.stdout).toMatch(/Đơn vị có trong xếp hạng năm trước \(2024\), không có năm nay \(3\):\n {2}Sở Đơn vị 20 — bộ minh-hoa-3-cap · 2024 · hạng 1 /);
    });
  });

  it('the report workbook has last year\'s index, rank and the change in words, and lists the units gone', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp, 'tong-hop-2025.xlsx'));
    const sheet = wb.getWorksheet('Tổng hợp')!;
    let header: string[] = [];
    const rows = new Map<string, Record<string, unknown>>();
    const gone: unknown[][] = [];
    let inGone = false;
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[0] === 'Hạng') header = values as string[];
      else if (values[1] === 'Đơn vị năm trước') inGone = true;
      else if (inGone && typeof values[0] === 'number') gone.push(values.slice(0, 6));
      else if (header.length > 0 && typeof values[header.indexOf('Tệp')] === 'string') rows.set(values[header.indexOf('Tệp')] as string, Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
    });
    expect(header.slice(9, 13)).toEqual(['Xếp loại', 'Chỉ số năm trước', 'Hạng năm trước', 'Thay đổi']);
    for (const s of year2025) {
      const r = rows.get(`2025/${s.file}`)!;
      const e = folderJson.ranking.find((x) => x.file === `2025/${s.file}`)!;
      expect([s.file, r['Hạng'], r['Chỉ số năm trước'], r['Hạng năm trước'], r['Thay đổi']]).toEqual([
        s.file,
        rank2025.get(s.file) ?? '—',
        lastYearOf(s.file) === null ? null : published2024.get(lastYearOf(s.file)!),
        lastYearOf(s.file) === null ? null : rank2024.get(lastYearOf(s.file)!),
        e.change,
      ]);
    }
    expect(rows.get('2025/don-vi-01-2025.xlsx')!['Thay đổi']).toBe('tăng 18 bậc');
    expect(rows.get('2025/moi-22-2025.xlsx')!['Thay đổi']).toBe('mới');
    expect(String(rows.get('2025/don-vi-16-2025.xlsx')!['Ghi chú'])).toContain('Năm trước là "Sở Đơn vị 16" (khớp theo tên tệp)');
    expect(gone).toEqual([
      [1, unitName(20), 'minh-hoa-3-cap · 2024', 1, published2024.get('don-vi-20-2024.xlsx'), '2024/don-vi-20-2024.xlsx'],
      [2, unitName(19), 'minh-hoa-3-cap · 2024', 2, published2024.get('don-vi-19-2024.xlsx'), '2024/don-vi-19-2024.xlsx'],
      [3, unitName(18), 'minh-hoa-3-cap · 2024', 3, published2024.get('don-vi-18-2024.xlsx'), '2024/don-vi-18-2024.xlsx'],
    ]);
  });

  it('last year\'s report as --previous gives the same comparison as last year\'s folder, whatever the order of its sheets', async () => {
    // A user moved the ranking sheet to the end and renamed it.
    const zip = await JSZip.loadAsync(readFileSync(join(tmp, 'tong-hop-2024.xlsx')));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const first = /<sheet [^>]*name="Tổng hợp"[^>]*\/>/.exec(workbookXml)![0];
    const reordered = workbookXml.replace(first, '').replace('</sheets>', `${first.replace('Tổng hợp', 'Xếp hạng 2024')}</sheets>`);
    expect(reordered.indexOf('Xếp hạng 2024')).toBeGreaterThan(reordered.indexOf('So sánh lĩnh vực'));
    zip.file('xl/workbook.xml', reordered);
    writeFileSync(join(tmp, 'sua-2024.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    for (const last of ['tong-hop-2024.xlsx', 'sua-2024.xlsx']) {
      const r = await runCli(['check', '2025', '--json', '--previous', last], tmp);
      expect(r.code).toBe(1);
      const json = JSON.parse(r.stdout);
      expect(json.ranking).toEqual(folderJson.ranking);
      expect(json.previous).toEqual({ ...folderJson.previous, source: last });
    }
  });

  it('the installed program, checking last year\'s folder in its worker threads, gives the same comparison', () => {
    const r = runBin(['check', '2025', '--json', '--threads', '2', '--previous', '2024'], tmp);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ranking).toEqual(folderJson.ranking);
    expect(json.previous).toEqual(folderJson.previous);
  });

  it('a --previous that is missing, not a report, or a report with a bad cell stops the run, names the file, writes no report', async () => {
    const cases: Array<[string, RegExp]> = [
      ['khong-co-2024', /--previous khong-co-2024: không tìm thấy tệp/],
      ['2024/don-vi-01-2024.xlsx', /don-vi-01-2024\.xlsx không phải báo cáo tổng hợp do "par-index check --report" ghi.*; đây là tệp chấm điểm của một đơn vị — hãy chỉ thư mục/],
      ['tong-hop-2024.xlsx.hong.xlsx', /--previous tong-hop-2024\.xlsx\.hong\.xlsx: tệp .xlsx bị hỏng/],
      ['ghi-chu.txt', /--previous ghi-chu\.txt: không phải thư mục bài nộp năm trước hoặc báo cáo tổng hợp năm trước/],
      ['hang-sai.xlsx', /hang-sai\.xlsx, trang "Tổng hợp", ô A7: hạng "nhất" không phải số thứ tự/],
    ];
    writeFileSync(join(tmp, 'ghi-chu.txt'), 'không phải bảng tính');
    writeFileSync(join(tmp, 'tong-hop-2024.xlsx.hong.xlsx'), readFileSync(join(tmp, 'tong-hop-2024.xlsx')).subarray(0, 3000));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp, 'tong-hop-2024.xlsx'));
    wb.getWorksheet('Tổng hợp')!.getCell('A7').value = 'nhất';
    await wb.xlsx.writeFile(join(tmp, 'hang-sai.xlsx'));
    for (const [last, message] of cases) {
      const r = await runCli(['check', '2025', '--report', 'khong-ghi.xlsx', '--previous', last], tmp);
      expect([last, r.code]).toEqual([last, 2]);
      expect(r.stderr).toMatch(message);
      expect(existsSync(join(tmp, 'khong-ghi.xlsx'))).toBe(false);
    }
  });
});
