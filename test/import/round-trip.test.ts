/**
 * Property: any valid tree, printed as an annex table in any supported style, imports
 * back to the identical tree (codes, names, maxima, options).
 */
import fc from 'fast-check';
import type { CriterionData, ScoringOption } from '../../src/domain';
import { importCriteriaSet } from '../../src/domain/import/import-set';
import { renderAnnex, treeOf, type TableStyle } from './tables';

const WORDS = [
  'Công tác', 'chỉ đạo', 'điều hành', 'Cải cách', 'thể chế', 'thủ tục', 'hành chính', 'Kế hoạch', 'báo cáo', 'kiểm tra',
  'tuyên truyền', 'tổ chức', 'bộ máy', 'công vụ', 'tài chính', 'chính quyền số', 'Mức độ', 'thực hiện', 'Tỷ lệ', 'hồ sơ',
  'đúng hạn', 'trực tuyến', 'người dân', 'doanh nghiệp', 'hài lòng', 'Ứng dụng', 'văn bản', 'quy phạm', 'pháp luật', 'năm',
];
const OPTION_LABELS = [
  'Đạt', 'Không đạt', 'Ban hành kịp thời', 'Ban hành không kịp thời', 'Không ban hành', 'Đầy đủ', 'Không đầy đủ',
  'Trên 90%', 'Từ 70% đến 90%', 'Dưới 70%', 'Hoàn thành', 'Hoàn thành chậm', 'Có thực hiện', 'Không thực hiện',
];

const nameArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((ws) => {
  const text = ws.join(' ');
  return text[0].toUpperCase() + text.slice(1);
});

/** A generated node before codes: leaves carry quarters (max = quarters / 4) and options. */
interface Gen {
  name: string;
  quarters?: number;
  options?: { label: string; quarters: number }[];
  children?: Gen[];
}

const leafArb: fc.Arbitrary<Gen> = fc.integer({ min: 1, max: 16 }).chain((quarters) =>
  fc.record({
    name: nameArb,
    quarters: fc.constant(quarters),
    options: fc.option(
      fc.uniqueArray(fc.record({ label: fc.constantFrom(...OPTION_LABELS), quarters: fc.integer({ min: 0, max: quarters }) }), {
        minLength: 1,
        maxLength: 4,
        selector: (o) => o.label,
      }),
      { nil: undefined, freq: 2 },
    ),
  }),
);

function nodeArb(depth: number): fc.Arbitrary<Gen> {
  if (depth >= 3) return leafArb;
  const parent = fc.record({ name: nameArb, children: fc.array(nodeArb(depth + 1), { minLength: 1, maxLength: 3 }) });
  return depth === 1 ? fc.oneof({ weight: 4, arbitrary: parent }, { weight: 1, arbitrary: leafArb }) : fc.oneof(leafArb, parent);
}

function toItems(gens: Gen[], prefix: string): CriterionData[] {
  return gens.map((g, i) => {
    const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    if (g.children) {
      const children = toItems(g.children, code);
      const milli = children.reduce((s, c) => s + Math.round(c.maxScore * 1000), 0);
      return { code, name: g.name, maxScore: milli / 1000, children };
    }
    const options: ScoringOption[] | undefined = g.options?.map((o) => ({ label: o.label, points: o.quarters / 4 }));
    return { code, name: g.name, maxScore: g.quarters! / 4, ...(options ? { options } : {}) };
  });
}

const treeArb = fc.array(nodeArb(1), { minLength: 2, maxLength: 4 }).map((gens) => toItems(gens, ''));

const styleArb: fc.Arbitrary<Partial<TableStyle>> = fc
  .record({
    fields: fc.constantFrom<TableStyle['fields']>('roman', 'arabic'),
    restart: fc.boolean(),
    trailingDot: fc.boolean(),
    decimal: fc.constantFrom<TableStyle['decimal']>('number', 'comma', 'dot'),
    suffix: fc.boolean(),
    unicode: fc.constantFrom<TableStyle['unicode']>('NFC', 'NFD'),
    header: fc.constantFrom<TableStyle['header']>('plain', 'caps', 'merged', 'two-row'),
    options: fc.constantFrom<TableStyle['options']>('colon', 'dash', 'paren', 'column'),
    maxWords: fc.boolean(),
    letters: fc.boolean(),
    numberInName: fc.boolean(),
    titleRows: fc.constantFrom<string[]>([], ['PHỤ LỤC I', 'BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC NĂM 2025', '(Kèm theo Quyết định số 123/QĐ-UBND)']),
    blankBefore: fc.array(fc.nat(40), { maxLength: 4 }),
    repeatHeaderBefore: fc.array(fc.nat(40), { maxLength: 2 }),
    columnNumbers: fc.boolean(),
    extraColumns: fc.boolean(),
    lineBreaks: fc.boolean(),
    nbsp: fc.boolean(),
    footnotes: fc.boolean(),
    totalRow: fc.boolean(),
  })
  .map(({ restart, ...s }) => ({ ...s, numbering: restart && s.fields === 'roman' ? 'restart' : 'full' }));

const meta = { id: 'nhap-thu', title: 'Bộ nhập thử', year: 2025, level: 'so' as const, source: 'kiểm thử' };

describe('round trip: tree → annex table (random style) → import', () => {
  it('gives back the identical tree', () => {
    const started = Date.now();
    fc.assert(
      fc.property(treeArb, styleArb, (items, style) => {
        const table = renderAnnex(items, style);
        const result = importCriteriaSet(table.sheet, meta);
        if (!result.ok) throw new Error(`problems: ${JSON.stringify(result.problems)}\nstyle: ${JSON.stringify(style)}\ntable: ${JSON.stringify(table.sheet.values)}`);
        expect(result.set.items).toEqual(treeOf(items));
        expect(result.rows).toEqual(table.rowOf);
        expect(result.set.status).toBe('imported');
      }),
      { numRuns: Number(process.env.IMPORT_RUNS ?? 200) },
    );
    // Reported in the summary: 200 runs stay well within a second or two.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
