import { validateAssessment, type Assessment, type Problem } from '../../src/domain';
import { smallSet } from '../fixtures/small-set';

/** A complete, clean self-assessment of the small set. */
function clean(): Assessment {
  return {
    entries: {
      '1.1.1': { selfScore: 1, evidence: 'KH 12/KH-SXD ngày 10/01/2025' },
      '1.1.2': { selfScore: 1.5, evidence: 'Báo cáo 45/BC-SXD, mục II' },
      '1.2': { selfScore: 1.5 },
      '2.1': { selfScore: 4, evidence: 'Số liệu một cửa quý IV' },
      '2.2': { selfScore: 3, evidence: 'Cổng dịch vụ công' },
    },
  };
}

function codes(problems: Problem[]): string[] {
  return problems.map((p) => `${p.code}@${p.criterion}${p.field ? '.' + p.field : ''}`);
}

describe('validateAssessment', () => {
  it('finds nothing wrong in a clean assessment', () => {
    expect(validateAssessment(smallSet, clean())).toEqual([]);
  });

  it('score-above-max, with the value, the maximum and the cell', () => {
    const a = clean();
    a.entries['1.1.2'].selfScore = 2.5;
    a.cells = { '1.1.2': { selfScore: { sheet: 'Chấm điểm', cell: 'E12' } } };
    const [p] = validateAssessment(smallSet, a);
    expect(p).toEqual({
      code: 'score-above-max',
      severity: 'error',
      criterion: '1.1.2',
      field: 'selfScore',
      cell: { sheet: 'Chấm điểm', cell: 'E12' },
      message: 'Điểm tự đánh giá của tiêu chí 1.1.2 là 2,5, vượt điểm tối đa 2',
      messageEn: 'Self-score of criterion 1.1.2 is 2.5, above the maximum 2',
    });
  });

  it('score-negative and score-not-number', () => {
    const a = clean();
    a.entries['1.1.2'].selfScore = -0.5;
    a.entries['2.2'].selfScore = '1/2';
    const problems = validateAssessment(smallSet, a);
    expect(codes(problems)).toEqual(['score-negative@1.1.2.selfScore', 'score-not-number@2.2.selfScore']);
    expect(problems[1].message).toBe('Điểm tự đánh giá của tiêu chí 2.2 là "1/2", không phải một số (viết như 2,5 hoặc 2.5)');
  });

  it('score-not-option lists the allowed outcomes', () => {
    const a = clean();
    a.entries['1.1.1'].selfScore = 0.75;
    const [p] = validateAssessment(smallSet, a);
    expect(p.code).toBe('score-not-option');
    expect(p.message).toBe(
      'Điểm tự đánh giá của tiêu chí 1.1.1 là 0,75, không thuộc các mức được chấm: 1 (Kịp thời); 0,5 (Không kịp thời); 0 (Không ban hành)',
    );
    a.entries['1.1.1'].selfScore = 0.5;
    expect(validateAssessment(smallSet, a)).toEqual([]);
  });

  it('score-missing on self-scored leaves only, and on appraised scores at appraisal', () => {
    const a = clean();
    delete a.entries['1.2'].selfScore;
    expect(codes(validateAssessment(smallSet, a))).toEqual(['score-missing@1.2.selfScore']);
    const appraisal = codes(validateAssessment(smallSet, clean(), { stage: 'appraisal' }));
    // Every applicable leaf, including the council and survey rows, needs an appraised score.
    expect(appraisal).toEqual(['1.1.1', '1.1.2', '1.2', '1.3', '2.1', '2.2', '3'].map((c) => `score-missing@${c}.appraisedScore`));
  });

  it('na-not-allowed, and na-scored when a not-assessed row still carries points', () => {
    const a = clean();
    a.entries['1.2'].notApplicable = true;
    a.entries['2.2'].notApplicable = true; // allowed, but scored 3
    expect(codes(validateAssessment(smallSet, a))).toEqual(['na-not-allowed@1.2.notApplicable', 'na-scored@2.2.selfScore']);
  });

  it('evidence: explanation-missing when neither is given, evidence-missing when only the explanation is', () => {
    const a = clean();
    delete a.entries['2.1'].evidence;
    delete a.entries['2.2'].evidence;
    a.entries['2.2'].explanation = 'Số liệu lấy từ hệ thống một cửa, chưa có văn bản';
    expect(codes(validateAssessment(smallSet, a))).toEqual(['explanation-missing@2.1.explanation', 'evidence-missing@2.2.evidence']);
  });

  it('needs no evidence for a zero score or where the set does not require it', () => {
    const a = clean();
    a.entries['1.1.1'] = { selfScore: 0 };
    delete a.entries['1.2'].evidence;
    expect(validateAssessment(smallSet, a)).toEqual([]);
  });

  it('targets: above max, negative, not a number, missing on fields once planning starts', () => {
    const a = clean();
    a.entries['1'] = { target: 7 };
    a.entries['2'] = { target: 'tám' };
    expect(codes(validateAssessment(smallSet, a))).toEqual(['target-above-max@1.target', 'target-not-number@2.target', 'target-missing@3.target']);
    a.entries['1'] = { target: -1 };
    a.entries['2'] = { target: 8.5 };
    a.entries['3'] = { target: 4 };
    expect(codes(validateAssessment(smallSet, a))).toEqual(['target-negative@1.target']);
    expect(codes(validateAssessment(smallSet, clean(), { requireTargets: true }))).toEqual(['1', '2', '3'].map((c) => `target-missing@${c}.target`));
  });

  it('number-as-text: a score or target stored as text is not counted and the message gives the number to type', () => {
    const a = clean();
    a.entries['2.1'].selfScore = '4,5';
    a.entries['2'] = { target: '8,5' };
    const problems = validateAssessment(smallSet, a, { requireTargets: false });
    expect(codes(problems)).toEqual(['number-as-text@2.target', 'number-as-text@2.1.selfScore']);
    expect(problems.map((p) => p.severity)).toEqual(['error', 'error']);
    expect(problems[1].message).toBe('Điểm tự đánh giá của tiêu chí 2.1 được lưu dạng chữ "4,5", không phải số: như Excel, ô này không được cộng vào tổng. Hãy gõ lại thành số 4,5');
    // Not counted, so neither is the evidence it would need.
    delete a.entries['2.1'].evidence;
    expect(codes(validateAssessment(smallSet, a, { requireTargets: false }))).toEqual(['number-as-text@2.target', 'number-as-text@2.1.selfScore']);
  });

  it('target-above-applicable-max: a warning naming both maxima when rows under the target are not assessed', () => {
    const a = clean();
    a.entries['2.2'] = { notApplicable: true };
    a.entries['2'] = { target: 6 };
    const problems = validateAssessment(smallSet, a);
    const p = problems.find((x) => x.code === 'target-above-applicable-max')!;
    expect(p).toMatchObject({ severity: 'warning', criterion: '2', field: 'target' });
    expect(p.message).toContain('điểm tối đa áp dụng 4,5');
    expect(p.message).toContain('điểm tối đa 8,5');
    a.entries['2'] = { target: 4.5 };
    expect(codes(validateAssessment(smallSet, a)).filter((c) => c.startsWith('target-above'))).toEqual([]);
  });

  it('appraised-differs is information, not an error', () => {
    const a = clean();
    a.entries['2.1'].appraisedScore = 3.5;
    const [p] = validateAssessment(smallSet, a);
    expect(p).toMatchObject({ code: 'appraised-differs', severity: 'info', criterion: '2.1', message: 'Tiêu chí 2.1: điểm thẩm định 3,5 khác điểm tự đánh giá 4' });
  });

  it('survey-self-scored for survey and council rows', () => {
    const a = clean();
    a.entries['3'] = { selfScore: 4 };
    a.entries['1.3'] = { selfScore: 2 };
    const problems = validateAssessment(smallSet, a);
    expect(codes(problems)).toEqual(['survey-self-scored@1.3.selfScore', 'survey-self-scored@3.selfScore']);
    expect(problems[1].message).toBe('Tiêu chí 3 do điều tra xã hội học chấm, đơn vị không tự chấm điểm; hãy xóa điểm tự đánh giá');
  });

  it('parent-total-mismatch compares a stated total with the children', () => {
    const a = clean();
    a.entries['1.1'] = { statedSelfTotal: 3 };
    a.entries['1'] = { statedSelfTotal: '4,5' };
    const problems = validateAssessment(smallSet, a);
    expect(codes(problems)).toEqual(['parent-total-mismatch@1.statedSelfTotal', 'parent-total-mismatch@1.1.statedSelfTotal']);
    expect(problems[1].message).toBe('Tổng điểm ghi ở 1.1 là 3 nhưng cộng các tiêu chí con được 2,5');
    a.entries['1.1'] = { statedSelfTotal: 2.5 };
    a.entries['1'] = { statedSelfTotal: '4,0' };
    expect(validateAssessment(smallSet, a)).toEqual([]);
  });

  it('unknown-criterion for codes the set does not have', () => {
    const a = clean();
    a.entries['9.9'] = { selfScore: 1 };
    expect(codes(validateAssessment(smallSet, a))).toEqual(['unknown-criterion@9.9']);
  });

  it('orders errors before warnings before information, then by position in the set', () => {
    const a = clean();
    a.entries['2.1'].appraisedScore = 3;
    delete a.entries['1.2'].selfScore;
    a.entries['2.2'].selfScore = 9;
    expect(validateAssessment(smallSet, a).map((p) => p.severity)).toEqual(['error', 'warning', 'info']);
  });
});
