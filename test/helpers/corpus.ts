/**
 * A folder of submissions as the Hội đồng thẩm định receives them, made deterministically
 * from a seed: sở and xã sets, two years, files written by exceljs (our renderer) and by a
 * second writer (plain SpreadsheetML over jszip), and every mutation units make — maxima
 * changed, formulas typed over, rows deleted or inserted, numbers typed as text, merged
 * cells, hidden rows, renamed sheets, decomposed (NFD) and formula-like unit names — plus
 * files that cannot be read: truncated, zip bombs, too many cells or rows, encrypted,
 * old .xls, not a spreadsheet, no scoring sheet, unknown set. Each file comes with what a
 * check must report for it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { findBundledSet } from '../../src/criteria';
import { computeTotals, criteriaSetToData, loadCriteriaSet, type Assessment, type CriteriaSet, type Entry } from '../../src/domain';
import { buildWorkbook } from '../../src/workbook/build-workbook';
import { SCORING_COLUMNS, SHEETS } from '../../src/workbook/layout';
import { scoringLayout } from '../../src/workbook/scoring-sheet';
import type { WorkbookSpec } from '../../src/workbook/spec';
import { MAX_CELLS, MAX_PART_BYTES, MAX_ROWS } from '../../src/workbook/xlsx/zip-guard';
import { renderXlsx } from '../../src/workbook/xlsx/render';
import { syntheticSet } from '../fixtures/synthetic-set';
import { writeSpreadsheetMl } from './spreadsheetml-writer';
import { XlsxXml } from './xlsx-xml-edit';

export const MUTATIONS = [
  'clean',
  'max-changed',
  'formula-overwritten',
  'row-deleted',
  'rows-inserted',
  'number-as-text',
  'merged-cells',
  'hidden-rows',
  'sheet-renamed',
  'nfd-unit',
  'formula-unit',
  'truncated',
  'zip-bomb',
  'zip-bomb-honest',
  'too-many-cells',
  'too-many-rows',
  'encrypted',
  'xls',
  'not-xlsx',
  'empty',
  'no-scoring-sheet',
  'unknown-set',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface CorpusFile {
  name: string;
  writer: 'exceljs' | 'spreadsheetml';
  mutation: Mutation;
  setId: string;
  year: number;
  /** The unit as typed (NFD stays NFD here). */
  unit: string;
  /** For a file that cannot be read: the reason word the check must give. */
  unreadable?: string;
  /** code@Sheet!A1 (or code@-) of every problem the reading itself must find, sorted. */
  tamper: string[];
  /** The self-assessed total the engine must compute (null where rows were changed). */
  selfTotal: number | null;
}

/** Problems that come from reading the file (the rest come from the set's own rules). */
export const TAMPER_CODES = new Set(['max-changed', 'formula-overwritten', 'formula-changed', 'row-missing', 'number-as-text', 'row-duplicated', 'sheet-renamed', 'unknown-row-code', 'sheet-missing', 'na-mark-unknown']);

const S = SHEETS.scoring;
const UNITS = ['Sở Xây dựng', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Tài chính', 'Sở Tư pháp', 'UBND xã Tam Đường', 'UBND phường Đoàn Kết', 'Văn phòng UBND tỉnh', 'Sở Nội vụ', 'Ban Dân tộc'];

/** mulberry32: small, fast, and the same numbers on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Variant {
  set: CriteriaSet;
  year: number;
  /** Sets with criteria under fields: rows can be deleted and parents typed over. */
  deep: boolean;
}

export function corpusVariants(rows = 0): Variant[] {
  const minhHoa = findBundledSet('minh-hoa-3-cap')!;
  const laiChau = findBundledSet('lai-chau-so-2025')!;
  const xa = loadCriteriaSet({ ...criteriaSetToData(syntheticSet(5, 3, 4)), id: 'thu-nghiem-xa', title: 'Bộ thử nghiệm cấp xã', level: 'xa' });
  if (rows > 0) {
    // ~rows rows: fields × criteria × sub-criteria plus their parents.
    const big = syntheticSet(6, 4, Math.max(1, Math.round((rows - 30) / 24)));
    return [{ set: big, year: 2025, deep: true }];
  }
  return [
    { set: minhHoa, year: 2025, deep: true },
    { set: minhHoa, year: 2024, deep: true },
    { set: laiChau, year: 2025, deep: false },
    { set: xa, year: 2025, deep: true },
  ];
}

/** A unit's typed values: most leaves scored, some N/A, evidence on most. */
export function randomAssessment(set: CriteriaSet, rnd: () => number): Assessment {
  const entries: Record<string, Entry> = {};
  for (const node of set.nodes) {
    const e: Entry = {};
    if (node.depth === 1) e.target = Math.round(node.maxScore * (0.7 + rnd() * 0.3) * 10) / 10;
    if (node.isLeaf && node.scoredBy === 'self') {
      if (node.allowNotApplicable && rnd() < 0.1) e.notApplicable = true;
      else {
        e.selfScore = node.method === 'options' ? node.options[Math.floor(rnd() * node.options.length)].points : Math.round(node.maxScore * Math.floor(rnd() * 5) * 250) / 1000;
        e.evidence = `Văn bản số ${Math.floor(rnd() * 900) + 1}/BC`;
      }
    }
    entries[node.code] = e;
  }
  return { entries };
}

export interface CorpusOptions {
  count?: number;
  seed?: number;
  /** Rows per submission (one synthetic set); default: the four variants above. */
  rows?: number;
  /** Only mutations that leave a readable file (the bench). */
  readableOnly?: boolean;
  /** Every n-th file is written by exceljs, the others by the second writer. */
  exceljsEvery?: number;
}

export async function generateCorpus(dir: string, options: CorpusOptions = {}): Promise<CorpusFile[]> {
  const count = options.count ?? 200;
  const rnd = seeded(options.seed ?? 2025);
  const variants = corpusVariants(options.rows ?? 0);
  const mutations = options.readableOnly ? MUTATIONS.filter((m) => READABLE.has(m)) : MUTATIONS;
  const out: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const mutation = mutations[i % mutations.length];
    let variant = variants[Math.floor(rnd() * variants.length)];
    if (!variant.deep && DEEP_ONLY.has(mutation)) variant = variants[0];
    const writer = i % (options.exceljsEvery ?? 3) === 0 ? 'exceljs' : 'spreadsheetml';
    const name = `${String(i + 1).padStart(3, '0')}-${mutation}.xlsx`;
    const file = await makeSubmission(variant, mutation, writer, i, rnd);
    writeFileSync(join(dir, name), file.buffer);
    out.push({ name, writer, mutation, setId: variant.set.id, year: variant.year, unit: file.unit, tamper: file.tamper.sort(), selfTotal: file.selfTotal, ...(file.unreadable ? { unreadable: file.unreadable } : {}) });
  }
  return out;
}

const READABLE = new Set<Mutation>(['clean', 'max-changed', 'formula-overwritten', 'row-deleted', 'rows-inserted', 'number-as-text', 'merged-cells', 'hidden-rows', 'sheet-renamed', 'nfd-unit', 'formula-unit']);
const DEEP_ONLY = new Set<Mutation>(['formula-overwritten', 'row-deleted', 'rows-inserted', 'merged-cells']);

interface Submission {
  buffer: Buffer;
  unit: string;
  tamper: string[];
  selfTotal: number | null;
  unreadable?: string;
}

async function makeSubmission(v: Variant, mutation: Mutation, writer: CorpusFile['writer'], i: number, rnd: () => number): Promise<Submission> {
  const { set } = v;
  const layout = scoringLayout(set);
  const col = (key: string) => String.fromCharCode(64 + SCORING_COLUMNS.findIndex((c) => c.key === key) + 1);
  const rowOf = (code: string) => layout.rowOf.get(code)!;
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const values = randomAssessment(set, rnd);
  const selfLeaves = set.leaves.filter((l) => l.scoredBy === 'self' && ((values.entries[l.code].selfScore as number | undefined) ?? 0) > 0);
  let unit = `${UNITS[i % UNITS.length]}${i >= UNITS.length ? ` ${Math.floor(i / UNITS.length) + 1}` : ''}`;
  if (mutation === 'nfd-unit') unit = unit.normalize('NFD');
  if (mutation === 'formula-unit') unit = `=HYPERLINK("http://vi-du.invalid","${unit}")`;
  // Evidence and explanation merged on one row, as units do to make room for long text.
  const merged = mutation === 'merged-cells' ? pick(set.leaves) : null;
  if (merged) delete values.entries[merged.code].explanation;
  const spec = buildWorkbook(set, { unit, year: v.year, createdAt: '2025-01-15T00:00:00.000Z', values });
  const scoring = spec.sheets.find((s) => s.name === S)!;
  let tamper: string[] = [];
  let selfTotal: number | null = computeTotals(set, values, 'self').total.score;

  if (merged) scoring.merges.push(`${col('evidence')}${rowOf(merged.code)}:${col('explanation')}${rowOf(merged.code)}`);
  if (mutation === 'hidden-rows') {
    for (const leaf of [pick(selfLeaves), pick(selfLeaves)]) {
      const row = scoring.rows.find((r) => r.row === rowOf(leaf.code));
      if (row) row.hidden = true;
      else scoring.rows.push({ row: rowOf(leaf.code), hidden: true });
    }
  }
  const buffer = writer === 'exceljs' ? await renderXlsx(spec) : await writeSpreadsheetMl(spec);
  const edit = async (change: (x: XlsxXml) => void) => {
    const x = await XlsxXml.open(buffer);
    change(x);
    return x.save();
  };
  const result = (b: Buffer, extra: Partial<Submission> = {}): Submission => ({ buffer: b, unit, tamper, selfTotal, ...extra });
  // A score stored as text is not a number, as in Excel: the total leaves it out.
  const totalWithout = (code: string) => {
    const entries = { ...values.entries, [code]: { ...values.entries[code] } };
    delete entries[code].selfScore;
    return computeTotals(set, { entries }, 'self').total.score;
  };

  switch (mutation) {
    case 'max-changed': {
      const leaf = pick(set.leaves);
      const cell = `${col('maxScore')}${rowOf(leaf.code)}`;
      tamper = [`max-changed@${S}!${cell}`];
      return result(await edit((x) => x.setCell(S, cell, leaf.maxScore + 1)));
    }
    case 'formula-overwritten': {
      const parent = pick(set.nodes.filter((n) => !n.isLeaf));
      const cell = `${col('selfScore')}${rowOf(parent.code)}`;
      tamper = [`formula-overwritten@${S}!${cell}`];
      return result(await edit((x) => x.setCell(S, cell, 7)));
    }
    case 'row-deleted': {
      const leaf = pick(set.leaves.filter((l) => l.depth > 1));
      const parentCode = leaf.code.split('.').slice(0, -1).join('.');
      // The row, and once the parent's formulas it broke, at the leftmost (the maximum's sum).
      tamper = [`formula-changed@${S}!${col('maxScore')}${rowOf(parentCode)}`, `row-missing@${S}!A${rowOf(parentCode)}`];
      selfTotal = null;
      return result(await edit((x) => x.deleteRow(S, rowOf(leaf.code))));
    }
    case 'rows-inserted': {
      // Notes rows inserted among the criteria, then a number typed as text below them.
      const above = pick(set.nodes.filter((n) => n.depth > 1));
      const leaf = pick(selfLeaves.filter((l) => rowOf(l.code) > rowOf(above.code)).concat(selfLeaves.slice(-1)));
      const shifted = rowOf(leaf.code) + (rowOf(leaf.code) >= rowOf(above.code) ? 2 : 0);
      const typed = values.entries[leaf.code].selfScore as number;
      tamper = [`number-as-text@${S}!${col('selfScore')}${shifted}`];
      selfTotal = totalWithout(leaf.code);
      return result(
        await edit((x) => x.insertRows(S, rowOf(above.code), 2, { B: 'Ghi chú của đơn vị' }).setCell(S, `${col('selfScore')}${shifted}`, vi(typed))),
      );
    }
    case 'number-as-text': {
      const leaf = pick(selfLeaves);
      const cell = `${col('selfScore')}${rowOf(leaf.code)}`;
      tamper = [`number-as-text@${S}!${cell}`];
      selfTotal = totalWithout(leaf.code);
      return result(await edit((x) => x.setCell(S, cell, vi(values.entries[leaf.code].selfScore as number))));
    }
    case 'sheet-renamed':
      tamper = ['sheet-renamed@-'];
      return result(await edit((x) => x.renameSheet(S, `Cham diem ${v.year}`)));
    case 'truncated':
      return result(buffer.subarray(0, Math.floor(buffer.length * (0.1 + rnd() * 0.85))), { unreadable: 'corrupt' });
    case 'zip-bomb':
      return result(appendZipEntry(buffer, 'xl/worksheets/sheet9.xml', bomb(), 1024), { unreadable: 'too-big' });
    case 'zip-bomb-honest':
      return result(appendZipEntry(buffer, 'xl/worksheets/sheet9.xml', bomb(), MAX_PART_BYTES + 10 * 1024 * 1024), { unreadable: 'too-big' });
    case 'too-many-cells':
      return result(appendZipEntry(buffer, 'xl/worksheets/sheet9.xml', manyCells()), { unreadable: 'too-many-cells' });
    case 'too-many-rows':
      return result(appendZipEntry(buffer, 'xl/worksheets/sheet9.xml', manyRows()), { unreadable: 'too-many-rows' });
    case 'encrypted':
      return result(cfb('EncryptionInfo'), { unreadable: 'encrypted' });
    case 'xls':
      return result(cfb('Workbook'), { unreadable: 'xls' });
    case 'not-xlsx':
      return result(Buffer.from('%PDF-1.4\nBáo cáo tự đánh giá (bản PDF đổi tên thành .xlsx)\n'), { unreadable: 'not-xlsx' });
    case 'empty':
      return result(Buffer.alloc(0), { unreadable: 'empty' });
    case 'no-scoring-sheet':
      return result(await edit((x) => x.removeSheet(S)), { unreadable: 'scoring-sheet-missing' });
    case 'unknown-set':
      return result(await edit((x) => breakSet(x, spec)), { unreadable: 'set-unknown' });
    default:
      return result(buffer);
  }
}

/** 2,5 — how a number typed as text usually looks in a Vietnamese file. */
function vi(n: number): string {
  return String(n).replace('.', ',');
}

function breakSet(x: XlsxXml, spec: WorkbookSpec): void {
  const meta = spec.sheets.find((s) => s.name === SHEETS.meta)!;
  const rowOfKey = (key: string) => meta.cells.find((c) => c.col === 1 && c.value === key)!.row;
  x.setCell(SHEETS.meta, `B${rowOfKey('setId')}`, 'bo-khong-co');
  x.setCell(SHEETS.meta, `B${rowOfKey('setJson.1')}`, '{ hỏng');
}

function cfb(stream: string): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(512)]);
}

let bombCache: { data: Buffer; crc: number; size: number } | null = null;
/** 110 MB of spaces, deflated to about 100 KB. */
function bomb() {
  if (!bombCache) {
    const raw = Buffer.alloc(MAX_PART_BYTES + 10 * 1024 * 1024, 0x20);
    bombCache = { data: deflateRawSync(raw, { level: 9 }), crc: crc32(raw), size: raw.length };
  }
  return bombCache;
}

let manyCellsCache: { data: Buffer; crc: number; size: number } | null = null;
function manyCells() {
  if (!manyCellsCache) {
    const xml = Buffer.from(`<worksheet><sheetData><row r="1">${'<c r="A1"><v>1</v></c>'.repeat(MAX_CELLS + 1)}</row></sheetData></worksheet>`);
    manyCellsCache = { data: deflateRawSync(xml), crc: crc32(xml), size: xml.length };
  }
  return manyCellsCache;
}

let manyRowsCache: { data: Buffer; crc: number; size: number } | null = null;
function manyRows() {
  if (!manyRowsCache) {
    const xml = Buffer.from(`<worksheet><sheetData>${Array.from({ length: MAX_ROWS + 1 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c></row>`).join('')}</sheetData></worksheet>`);
    manyRowsCache = { data: deflateRawSync(xml), crc: crc32(xml), size: xml.length };
  }
  return manyRowsCache;
}

/**
 * Adds a deflated entry to a zip by hand (jszip would inflate a bomb to write it), with
 * the size its directory claims: the truth, or a lie as a hostile file would tell.
 */
export function appendZipEntry(zip: Buffer, name: string, entry: { data: Buffer; crc: number; size: number }, declaredSize = entry.size): Buffer {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = zip.readUInt16LE(eocd + 10);
  const dirSize = zip.readUInt32LE(eocd + 12);
  const dirOffset = zip.readUInt32LE(eocd + 16);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(entry.crc, 14);
  local.writeUInt32LE(entry.data.length, 18);
  local.writeUInt32LE(Math.min(declaredSize, 0xfffffffe), 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(entry.crc, 16);
  central.writeUInt32LE(entry.data.length, 20);
  central.writeUInt32LE(Math.min(declaredSize, 0xfffffffe), 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(dirOffset, 42);
  const newDirOffset = dirOffset + local.length + nameBytes.length + entry.data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(dirSize + central.length + nameBytes.length, 12);
  end.writeUInt32LE(newDirOffset, 16);
  return Buffer.concat([zip.subarray(0, dirOffset), local, nameBytes, entry.data, zip.subarray(dirOffset, dirOffset + dirSize), central, nameBytes, end]);
}
