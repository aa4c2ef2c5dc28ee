/**
 * par-index check on a folder of 200 generated submissions (exceljs and a second writer,
 * every mutation units make, hostile files): every file gets its verdict, every mutation
 * is reported with its code at its cell, and the consolidation workbook — read back with
 * exceljs — ranks each group on its own with shared ranks for ties, lists every unreadable
 * file with its reason, and keeps text from submissions inert.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CONSOLIDATION_SHEETS, SUMMARY_HEADERS } from '../../src/workbook/consolidation';
import { generateCorpus, MUTATIONS, TAMPER_CODES, type CorpusFile } from '../helpers/corpus';
import { spawnSync } from 'node:child_process';
import { BIN, runCli } from '../helpers/run-cli';

/** A column of the report's ranking, by its header. */
const column = (header: (typeof SUMMARY_HEADERS)[number]) => SUMMARY_HEADERS.indexOf(header) + 1;

jest.setTimeout(120_000);

const tmp = mkdtempSync(join(tmpdir(), 'par-corpus-'));
const dir = join(tmp, 'bai-nop');
const reportPath = join(tmp, 'tong-hop.xlsx');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What a user reads for each reason. */
const MESSAGE: Record<string, string> = {
  corrupt: 'bị hỏng',
  'too-big': 'quá lớn khi giải nén',
  'too-many-cells': 'quá nhiều ô',
  'too-many-rows': 'quá nhiều dòng',
  encrypted: 'đặt mật khẩu',
  xls: 'Excel 97-2003 (.xls)',
  'not-xlsx': 'không phải bảng tính Excel',
  empty: 'tệp rỗng',
  'scoring-sheet-missing': 'không thấy trang "Chấm điểm"',
  'set-unknown': 'không nhận ra bộ tiêu chí "bo-khong-co"',
};

interface JsonFile {
  file: string;
  ok: boolean;
  error?: string;
  setId?: string;
  unit?: string | null;
  problems?: Array<{ code: string; sheet: string | null; cell: string | null }>;
  totals?: { engine: { selfScore: number | null; applicableMax: number; score: number | null } };
}

let corpus: CorpusFile[];
let run: { code: number; stdout: string; stderr: string };
let files: JsonFile[];

beforeAll(async () => {
  mkdirSync(dir);
  corpus = await generateCorpus(dir, { count: 200, seed: 2025 });
  // Excel's lock file of an open submission is not a submission.
  writeFileSync(join(dir, '~$001-clean.xlsx'), 'khóa');
  run = await runCli(['check', 'bai-nop', '--json', '--report', 'tong-hop.xlsx'], tmp);
  files = JSON.parse(run.stdout).files;
});

describe('the corpus', () => {
  it('has 200 submissions from both writers and every mutation, each at least 5 times', () => {
    expect(corpus).toHaveLength(200);
    expect(corpus.filter((c) => c.writer === 'exceljs').length).toBeGreaterThan(50);
    expect(corpus.filter((c) => c.writer === 'spreadsheetml').length).toBeGreaterThan(100);
    for (const m of MUTATIONS) expect(corpus.filter((c) => c.mutation === m).length).toBeGreaterThanOrEqual(5);
    expect(new Set(corpus.map((c) => `${c.setId}/${c.year}`))).toEqual(new Set(['minh-hoa-3-cap/2025', 'minh-hoa-3-cap/2024', 'lai-chau-so-2025/2025', 'thu-nghiem-xa/2025']));
  });
});

describe('par-index check FOLDER --json --report', () => {
  it('gives every file a verdict, in name order, and exits 2 because some could not be read', () => {
    expect(run.code).toBe(2);
    expect(files.map((f) => f.file)).toEqual(corpus.map((c) => join('bai-nop', c.name)));
    expect(run.stderr).toContain('Đã ghi báo cáo tổng hợp');
  });

  it('reports every mutation with its code at its cell, and nothing else from reading', () => {
    const wrong: string[] = [];
    corpus.forEach((c, i) => {
      const f = files[i];
      if (c.unreadable) {
        if (f.ok !== false || !f.error?.includes(MESSAGE[c.unreadable])) wrong.push(`${c.name}: ${f.error ?? 'read'}`);
        return;
      }
      const found = f.problems!.filter((p) => TAMPER_CODES.has(p.code)).map((p) => `${p.code}@${p.cell ? `${p.sheet}!${p.cell}` : '-'}`).sort();
      if (JSON.stringify(found) !== JSON.stringify(c.tamper)) wrong.push(`${c.name} (${c.writer}): ${found.join(' ')} ≠ ${c.tamper.join(' ')}`);
      if (f.setId !== c.setId || f.unit !== c.unit) wrong.push(`${c.name}: ${f.setId} ${f.unit}`);
      if (c.selfTotal !== null && Math.abs((f.totals!.engine.selfScore ?? 0) - c.selfTotal) > 0.0005) wrong.push(`${c.name}: total ${f.totals!.engine.selfScore} ≠ ${c.selfTotal}`);
    });
    expect(wrong).toEqual([]);
  });

  it('writes the report and nothing else', () => {
    expect(readdirSync(tmp).sort()).toEqual(['bai-nop', 'tong-hop.xlsx']);
    expect(readdirSync(dir)).toHaveLength(201);
  });
});

describe('the consolidation workbook', () => {
  let wb: ExcelJS.Workbook;
  const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v));
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(reportPath) as unknown as ExcelJS.Buffer);
  });

  it('has Tổng hợp, the field comparison and one sheet per readable unit, with valid unique names', () => {
    const names = wb.worksheets.map((w) => w.name);
    const readable = corpus.filter((c) => !c.unreadable).length;
    expect(names.slice(0, 2)).toEqual([CONSOLIDATION_SHEETS.summary, CONSOLIDATION_SHEETS.fields]);
    expect(names).toHaveLength(2 + readable);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('ranks each group (set, version, year, level) on its own by index, ties sharing a rank', () => {
    const ws = wb.getWorksheet(CONSOLIDATION_SHEETS.summary)!;
    const groups: Array<{ title: string; rows: Array<{ rank: number | null; unit: string; set: string; year: number; index: number; file: string }> }> = [];
    let done = false;
    ws.eachRow((row) => {
      const first = text(row.getCell(1).value);
      if (first.startsWith('TỆP KHÔNG ĐỌC ĐƯỢC')) done = true;
      const rank = row.getCell(column('Hạng')).value;
      if (first.startsWith('Nhóm ')) groups.push({ title: first, rows: [] });
      // A file with errors is listed without a rank ("—") until it is corrected.
      else if (!done && (typeof rank === 'number' || rank === '—') && groups.length > 0) {
        groups[groups.length - 1].rows.push({
          rank: typeof rank === 'number' ? rank : null,
          unit: text(row.getCell(column('Đơn vị')).value),
          set: text(row.getCell(column('Bộ tiêu chí')).value),
          year: row.getCell(column('Năm')).value as number,
          index: row.getCell(column('Chỉ số (%)')).value as number,
          file: text(row.getCell(column('Tệp')).value),
        });
      }
    });
    expect(text(ws.getRow(6).getCell(2).value)).toBe(SUMMARY_HEADERS[1]);
    expect(groups.map((g) => g.title.replace(/ — \d+ đơn vị$/, '').replace(/^Nhóm \d+: /, ''))).toHaveLength(4);
    const readable = corpus.filter((c) => !c.unreadable);
    expect(groups.reduce((s, g) => s + g.rows.length, 0)).toBe(readable.length);
    for (const g of groups) {
      // One set and one year per group: never compared across.
      expect(new Set(g.rows.map((r) => `${r.set}/${r.year}`)).size).toBe(1);
      const expected = corpus.filter((c) => !c.unreadable && `${c.setId}/${c.year}` === `${g.rows[0].set.split(' ')[0]}/${g.rows[0].year}`);
      expect(g.rows.map((r) => r.file).sort()).toEqual(expected.map((c) => join('bai-nop', c.name)).sort());
      // Dense ranking recomputed from the indices the report shows, over the files without errors.
      const ranked = g.rows.filter((r): r is typeof r & { rank: number } => r.rank !== null);
      const distinct = [...new Set(ranked.map((r) => Math.round(r.index * 10_000)))].sort((a, b) => b - a);
      for (const r of ranked) expect(r.rank).toBe(distinct.indexOf(Math.round(r.index * 10_000)) + 1);
      expect(ranked.map((r) => r.rank)).toEqual([...ranked.map((r) => r.rank)].sort((a, b) => a - b));
    }
    // The corpus has ties (same scores from the same seed are rare, same options are not): some rank is shared.
    const ranks = (g: (typeof groups)[number]) => g.rows.filter((r) => r.rank !== null).map((r) => r.rank);
    expect(groups.some((g) => new Set(ranks(g)).size < ranks(g).length)).toBe(true);

    // Text from submissions: folded to NFC, and a formula-like unit name kept as text.
    const units = groups.flatMap((g) => g.rows.map((r) => r.unit));
    const formulaUnits = units.filter((u) => u.includes('HYPERLINK'));
    expect(formulaUnits.length).toBe(corpus.filter((c) => c.mutation === 'formula-unit').length);
    // A string cell as typed, not a formula and without a visible apostrophe.
    for (const u of formulaUnits) expect(u.startsWith('=HYPERLINK(')).toBe(true);
    for (const c of corpus.filter((x) => x.mutation === 'nfd-unit')) {
      expect(c.unit).not.toBe(c.unit.normalize('NFC'));
      expect(units).toContain(c.unit.normalize('NFC'));
    }
    for (const u of units) expect(u).toBe(u.normalize('NFC'));
  });

  it('lists every unreadable file with its reason', () => {
    const ws = wb.getWorksheet(CONSOLIDATION_SHEETS.summary)!;
    const listed = new Map<string, string>();
    let inSection = false;
    ws.eachRow((row) => {
      if (text(row.getCell(1).value).startsWith('TỆP KHÔNG ĐỌC ĐƯỢC')) inSection = true;
      else if (inSection && typeof row.getCell(1).value === 'number') listed.set(text(row.getCell(2).value), text(row.getCell(3).value));
    });
    const unreadable = corpus.filter((c) => c.unreadable);
    expect([...listed.keys()].sort()).toEqual(unreadable.map((c) => join('bai-nop', c.name)).sort());
    for (const c of unreadable) expect(listed.get(join('bai-nop', c.name))).toContain(MESSAGE[c.unreadable!]);
  });

  it('lists each unit’s problems with their cells on its own sheet', () => {
    const summary = wb.getWorksheet(CONSOLIDATION_SHEETS.summary)!;
    const sheetOf = new Map<string, string>();
    summary.eachRow((row) => {
      const note = text(row.getCell(column('Ghi chú')).value);
      const m = /Chi tiết: trang "([^"]+)"/.exec(note);
      if (m) sheetOf.set(text(row.getCell(column('Tệp')).value), m[1]);
    });
    for (const c of corpus.filter((x) => !x.unreadable && x.tamper.some((t) => !t.endsWith('@-')))) {
      const ws = wb.getWorksheet(sheetOf.get(join('bai-nop', c.name))!)!;
      const listed: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 5 && TAMPER_CODES.has(text(row.getCell(3).value))) listed.push(`${text(row.getCell(3).value)}@${text(row.getCell(5).value) || '-'}`);
      });
      expect(listed.sort()).toEqual(c.tamper);
    }
  });

  it('compares fields across units: points lost per unit add up to what each unit lost, with highlighting', async () => {
    const ws = wb.getWorksheet(CONSOLIDATION_SHEETS.fields)!;
    const totals: number[][] = [];
    ws.eachRow((row) => {
      if (text(row.getCell(2).value) === 'Tổng cộng') totals.push((row.values as ExcelJS.CellValue[]).slice(4).filter((v): v is number => typeof v === 'number'));
    });
    expect(totals).toHaveLength(4);
    const lostByUnit = files.filter((f) => f.totals).map((f) => Math.round((f.totals!.engine.applicableMax - (f.totals!.engine.score ?? 0)) * 1000) / 1000);
    // Each group's row: one number per unit, then the group's total; every unit's total lost appears.
    const reported = totals.flatMap((t) => t.slice(0, -1));
    expect(reported.sort((a, b) => a - b)).toEqual(lostByUnit.sort((a, b) => a - b));
    const zip = await JSZip.loadAsync(readFileSync(reportPath));
    const sheet2 = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect((sheet2.match(/<conditionalFormatting /g) ?? []).length).toBe(8);
    expect(sheet2).toContain('LARGE(');
  });
});

const compiled = existsSync(join(__dirname, '../../lib/cli/check-worker.js')) && existsSync(BIN);
(compiled ? it : it.skip)('the installed binary checks the folder in worker threads with the same verdicts, in the same order', () => {
  // The JSON of 200 files is larger than spawnSync's default buffer.
  const bin = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const r = bin(['check', 'bai-nop', '--json', '--threads', '3']);
  expect(r.code).toBe(2);
  const viaWorkers = JSON.parse(r.stdout).files;
  expect(viaWorkers).toEqual(files);
  expect(r.stderr).toMatch(/Tổng: 200 tệp · \d+ không đọc được · \d+ có lỗi · \d+ không có lỗi \(kiểm tra bằng 3 luồng song song/);
});
