import { CriteriaSetError, loadCriteriaSet, type CriteriaSetData } from '../../src/domain';
import { smallSet, smallSetData } from '../fixtures/small-set';

const clone = (): CriteriaSetData => JSON.parse(JSON.stringify(smallSetData));

function problemsOf(data: unknown): string[] {
  try {
    loadCriteriaSet(data, 'x');
  } catch (e) {
    expect(e).toBeInstanceOf(CriteriaSetError);
    return (e as CriteriaSetError).problems.map((p) => `${p.where}: ${p.message}`);
  }
  throw new Error('the set was accepted');
}

describe('loading a criteria set', () => {
  it('builds the tree with depths, leaves, inherited scorers and defaults', () => {
    expect(smallSet.totalMax).toBe(20);
    expect(smallSet.nodes.map((n) => n.code)).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '1.3', '2', '2.1', '2.2', '3']);
    expect(smallSet.leaves.map((n) => n.code)).toEqual(['1.1.1', '1.1.2', '1.2', '1.3', '2.1', '2.2', '3']);
    const get = (c: string) => smallSet.byCode.get(c)!;
    expect(get('1.1.1').method).toBe('options');
    expect(get('2.1').method).toBe('ratio');
    expect(get('1.1.2').method).toBe('free');
    expect(get('1.1.1').depth).toBe(3);
    expect(get('2.2').allowNotApplicable).toBe(true); // inherited from field 2
    expect(get('1.1.2').allowNotApplicable).toBe(false);
    expect(get('1.1.2').evidenceRequired).toBe(true);
    expect(get('1.2').evidenceRequired).toBe(false);
    expect(get('3').evidenceRequired).toBe(false); // survey rows carry no unit evidence
    expect(smallSet.bands.map((b) => b.label)).toEqual(['Tốt', 'Khá', 'Trung bình']);
  });

  it('keeps the optional fields (English name, ratio, guidance) where the item has them, and only there', () => {
    const data = clone();
    data.items[0].nameEn = 'Field one';
    data.items[0].guidance = 'Hướng dẫn';
    const set = loadCriteriaSet(data, 'x');
    const ratioLeaf = set.byCode.get('2.1')!;
    expect(ratioLeaf.ratio).toBeDefined();
    expect(set.byCode.get('1')!.guidance).toBe('Hướng dẫn');
    expect(set.byCode.get('1.2')!.guidance).toBeUndefined();
    expect('guidance' in set.byCode.get('1.2')!).toBe(false);
    // Absent stays absent where it is written out.
    expect('ratio' in JSON.parse(JSON.stringify(set.byCode.get('1.2')))).toBe(false);
  });

  it('refuses a parent whose maximum is not the sum of its children, naming the code and the numbers', () => {
    const data = clone();
    data.items[0].children![0].maxScore = 3.5;
    data.items[0].maxScore = 7;
    data.totalMax = 20.5;
    const problems = problemsOf(data);
    // 1 = 3,5 + 1,5 + 2 still holds, so only 1.1 is wrong.
    expect(problems).toEqual(['1.1: điểm tối đa 3,5 khác tổng điểm tối đa các tiêu chí con 3 (1.1.1: 1; 1.1.2: 2)']);
  });

  it('refuses duplicate codes, codes outside their parent, and a wrong declared total', () => {
    const data = clone();
    data.items[0].children![1].code = '1.1';
    data.items[1].children![0].code = '3.1';
    data.totalMax = 100;
    const problems = problemsOf(data);
    expect(problems).toContain('1.1: mã "1.1" bị trùng');
    expect(problems).toContain('3.1: mã phải bắt đầu bằng "2." (mã của tiêu chí cha)');
    expect(problems).toContain('totalMax: tổng điểm tối đa các lĩnh vực là 20, không phải 100');
  });

  it('refuses options worth more than the leaf, and scoring rules on a parent', () => {
    const data = clone();
    data.items[0].children![0].children![0].options![0].points = 1.5;
    data.items[0].children![0].method = 'free';
    const problems = problemsOf(data);
    expect(problems).toContain('1.1.1: mức "Kịp thời" có 1,5 điểm, vượt điểm tối đa 1');
    expect(problems).toContain('1.1: chỉ tiêu chí không có tiêu chí con mới có cách chấm điểm');
  });

  it('reports schema errors with the criterion code where the path has one', () => {
    const data = clone() as unknown as { items: Array<{ children: Array<{ maxScore: unknown }> }> };
    data.items[1].children[1].maxScore = 'bốn';
    const problems = problemsOf(data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^2\.2 › maxScore: /);
  });

  it('refuses conflicting scoring rules on one leaf', () => {
    const data = clone();
    Object.assign(data.items[0].children![0].children![1], { method: 'free', ratio: { numerator: 'a', denominator: 'b' } });
    data.items[0].children![0].children![0].ratio = { numerator: 'a', denominator: 'b' };
    expect(problemsOf(data)).toEqual(['1.1.1: có tử số/mẫu số nhưng cách chấm là "options"', '1.1.2: có tử số/mẫu số nhưng cách chấm là "free"']);
  });

  it('inherits evidenceRequired only when the data states it, otherwise defaults by the row scorer', () => {
    const data = clone();
    data.items[2] = {
      code: '3', name: 'Tác động', maxScore: 5, scoredBy: 'survey',
      children: [
        { code: '3.1', name: 'Khảo sát', maxScore: 3 },
        { code: '3.2', name: 'Tự chấm trong lĩnh vực khảo sát', maxScore: 2, scoredBy: 'self' },
      ],
    };
    const set = loadCriteriaSet(data);
    expect(set.byCode.get('3.1')!.evidenceRequired).toBe(false);
    expect(set.byCode.get('3.2')!.evidenceRequired).toBe(true);
    data.items[0].evidenceRequired = false;
    expect(loadCriteriaSet(data).byCode.get('1.1.2')!.evidenceRequired).toBe(false);
  });

  it('refuses a ratio leaf without its numerator and denominator', () => {
    const data = clone();
    delete data.items[1].children![0].ratio;
    expect(problemsOf(data)).toEqual(['2.1: chấm theo tỷ lệ nhưng chưa nêu tử số và mẫu số']);
  });
});
