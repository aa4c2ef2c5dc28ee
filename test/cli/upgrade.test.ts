/** par-index upgrade and template --set-file over real files in a temp folder. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { criteriaSetToData, loadCriteriaSet, type CriterionData } from '../../src/domain';
import { ORPHAN_SHEET } from '../../src/workbook/orphan-sheet';
import { readXlsxGrid } from '../../src/workbook/xlsx/read-grid';
import { minhHoa, readOk, renderFilled, typedAssessment } from '../helpers/filled-workbook';
import { runCli } from '../helpers/run-cli';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'par-upgrade-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A criterion whose children are all leaves: its last leaf is removed in the new version, its first grows. */
const parent = minhHoa.nodes.find((n) => !n.isLeaf && n.children.length >= 2 && n.children.every((c) => c.isLeaf))!;
const REMOVED = parent.children[parent.children.length - 1].code;
const GROWN = parent.children[0].code;

/** The illustrative set as an imported set file: another id, a new version, one leaf gone (its points moved to a sibling). */
function writeSetFile(): string {
  const data = criteriaSetToData(minhHoa);
  const edit = (items: CriterionData[]): CriterionData[] =>
    items.map((item) => {
      if (item.code !== parent.code) return item.children ? { ...item, children: edit(item.children) } : item;
      const gone = item.children!.find((c) => c.code === REMOVED)!;
      const children = item.children!.filter((c) => c.code !== REMOVED).map((c) => (c.code === GROWN ? { ...c, maxScore: c.maxScore + gone.maxScore, method: 'free' as const, options: undefined } : c));
      return { ...item, children };
    });
  const file = join(dir, 'bo-moi.json');
  writeFileSync(file, JSON.stringify({ ...data, id: 'bo-nhap-thu', status: 'imported', version: '2026.1', items: edit(data.items) }));
  return file;
}

describe('par-index template --set-file', () => {
  it('writes a workbook for an imported set, embedded so check can read it', async () => {
    const setFile = writeSetFile();
    const out = join(dir, 'mau.xlsx');
    const run = await runCli(['template', '--set-file', setFile, '--out', out, '--unit', 'UBND xã A']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const read = await readOk(readFileSync(out), 'mau.xlsx');
    expect(read.set.id).toBe('bo-nhap-thu');
    expect(read.set.version).toBe('2026.1');
    expect(read.setOrigin).toBe('embedded');
    expect(read.set.byCode.has(REMOVED)).toBe(false);
    const check = await runCli(['check', out, '--json']);
    expect(JSON.parse(check.stdout).files[0].setId).toBe('bo-nhap-thu');
  });

  it('export-set gives back the set the workbook carries, equal to the file it was made from', async () => {
    const setFile = writeSetFile();
    const out = join(dir, 'mau.xlsx');
    expect((await runCli(['template', '--set-file', setFile, '--out', out])).code).toBe(0);
    const exported = join(dir, 'xuat.json');
    const run = await runCli(['export-set', out, '--out', exported]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('bo-nhap-thu, phiên bản 2026.1');
    const again = criteriaSetToData(loadCriteriaSet(JSON.parse(readFileSync(exported, 'utf8'))));
    expect(again).toEqual(criteriaSetToData(loadCriteriaSet(JSON.parse(readFileSync(setFile, 'utf8')))));
    expect((await runCli(['export-set', out, '--out', exported])).code).toBe(2); // exists, no --force
  });

  it('names the file and the rule when the set file is broken', async () => {
    const file = join(dir, 'hong.json');
    const data = criteriaSetToData(minhHoa);
    writeFileSync(file, JSON.stringify({ ...data, items: data.items.map((f) => (f.code === '1' ? { ...f, maxScore: 11 } : f)) }));
    const run = await runCli(['template', '--set-file', file, '--out', join(dir, 'x.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/hong\.json/);
    expect(run.stderr).toMatch(/\b1\b.*11/);
    expect(() => statSync(join(dir, 'x.xlsx'))).toThrow();
    const notJson = join(dir, 'khong-phai.json');
    writeFileSync(notJson, '{ "id": ');
    const bad = await runCli(['template', '--set-file', notJson, '--out', join(dir, 'y.xlsx')]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/khong-phai\.json không phải JSON hợp lệ/)]);
    const both = await runCli(['template', '--set', 'minh-hoa-3-cap', '--set-file', notJson, '--out', join(dir, 'z.xlsx')]);
    expect(both.stderr).toMatch(/Chỉ dùng một/);
  });
});

describe('par-index upgrade', () => {
  it('moves a filled workbook to the new version: values kept by code, the removed criterion listed, the old file untouched', async () => {
    const typed = typedAssessment();
    const old = join(dir, 'da-cham.xlsx');
    const bytes = await renderFilled(typed);
    writeFileSync(old, bytes);
    const out = join(dir, 'moi.xlsx');
    const run = await runCli(['upgrade', old, '--set-file', writeSetFile(), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(old).equals(bytes)).toBe(true);
    const removedValues = Object.values(typed.entries[REMOVED]).filter((v) => v !== undefined).length;
    expect(run.stdout).toContain(`${removedValues} giá trị không còn chỗ trong bộ mới`);
    expect(run.stdout).toContain('→ bo-nhap-thu phiên bản 2026.1');
    const read = await readOk(readFileSync(out), 'moi.xlsx');
    expect(read.set.id).toBe('bo-nhap-thu');
    for (const [code, entry] of Object.entries(typed.entries)) {
      if (code === REMOVED) continue;
      // The grown leaf became a free leaf: its typed values still carry over.
      expect([code, read.assessment.entries[code]]).toEqual([code, entry]);
    }
    const grid = await readXlsxGrid(readFileSync(out), 'moi.xlsx');
    const orphans = grid.sheets.find((s) => s.name === ORPHAN_SHEET)!;
    expect(orphans.values.slice(4).map((r) => r[0])).toEqual(Array(removedValues).fill(REMOVED));
  });

  it('refuses to overwrite without --force and to write over its own input', async () => {
    const old = join(dir, 'a.xlsx');
    writeFileSync(old, await renderFilled(typedAssessment()));
    const same = await runCli(['upgrade', old, '--out', old]);
    expect([same.code, same.stderr]).toEqual([2, expect.stringMatching(/--out phải khác/)]);
    const other = join(dir, 'b.xlsx');
    writeFileSync(other, 'giữ nguyên');
    const refused = await runCli(['upgrade', old, '--out', other]);
    expect(refused.code).toBe(2);
    expect(readFileSync(other, 'utf8')).toBe('giữ nguyên');
    const forced = await runCli(['upgrade', old, '--out', other, '--force']);
    expect(forced.code).toBe(0);
    expect((await readOk(readFileSync(other))).assessment.entries).toEqual(typedAssessment().entries);
  });
});
