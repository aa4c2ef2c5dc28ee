import { carryOver, loadCriteriaSet, type Assessment, type CriteriaSetData } from '../../src/domain';
import { smallSet, smallSetData } from '../fixtures/small-set';

describe('carryOver to a new version of the set', () => {
  const typed: Assessment = {
    entries: {
      '1': { target: 6, leadUnit: 'Văn phòng' },
      '1.1.1': { selfScore: 1, evidence: 'KH 12/KH', appraisedScore: 0.5, appraisalNote: 'Ban hành muộn' },
      '1.2': { selfScore: '1,5', explanation: 'Theo hệ thống', deadline: 'Quý IV' },
      '2.2': { notApplicable: true },
      '3': { target: 4 },
    },
    cells: { '1.2': { selfScore: { sheet: 'Chấm điểm', cell: 'E12' } } },
  };

  it('keeps every value when the set is unchanged', () => {
    const r = carryOver(typed, smallSet);
    expect(r.orphaned).toEqual([]);
    expect(r.carried).toBe(11); // 2 + 4 + 3 + 1 + 1 typed values
    expect(r.values.entries).toEqual(typed.entries);
  });

  it('reports values whose row is gone or became a parent, with their old cell, and keeps the rest', () => {
    const next: CriteriaSetData = JSON.parse(JSON.stringify(smallSetData));
    next.version = '2';
    // 1.2 split into two sub-criteria; 2.2 removed (its 4 points move to 2.1).
    next.items[0].children![1] = { code: '1.2', name: 'Báo cáo', maxScore: 1.5, children: [{ code: '1.2.1', name: 'Đúng hạn', maxScore: 1 }, { code: '1.2.2', name: 'Đủ nội dung', maxScore: 0.5 }] };
    next.items[1].children = [{ code: '2.1', name: 'Hồ sơ đúng hạn', maxScore: 8.5 }];
    const r = carryOver(typed, loadCriteriaSet(next));
    expect(r.orphaned.map((o) => [o.code, o.field, o.reason])).toEqual([
      ['1.2', 'selfScore', 'now-a-parent'],
      ['1.2', 'explanation', 'now-a-parent'],
      ['2.2', 'notApplicable', 'row-removed'],
    ]);
    expect(r.orphaned[0]).toMatchObject({ value: '1,5', cell: { sheet: 'Chấm điểm', cell: 'E12' } });
    expect(r.orphaned[2].message).toBe('Tiêu chí 2.2 không còn trong bộ tiêu chí thu-nghiem (phiên bản 2); không đánh giá đã nhập: x');
    expect(r.values.entries['1.2']).toEqual({ deadline: 'Quý IV' });
    expect(r.values.entries['1.1.1']).toEqual(typed.entries['1.1.1']);
    expect(r.carried + r.orphaned.length).toBe(11);
  });

  it('reports a "không đánh giá" the new version no longer allows, and keeps the row\'s other values', () => {
    const next: CriteriaSetData = JSON.parse(JSON.stringify(smallSetData));
    next.version = '3';
    const leaf = next.items[1].children!.find((c) => c.code === '2.2')!;
    expect(smallSet.byCode.get('2.2')!.allowNotApplicable).toBe(true);
    leaf.allowNotApplicable = false;
    const withEvidence: Assessment = { entries: { ...typed.entries, '2.2': { notApplicable: true, evidence: 'CV 5' } } };
    const r = carryOver(withEvidence, loadCriteriaSet(next));
    expect(r.orphaned.map((o) => [o.code, o.field, o.reason, o.value])).toEqual([['2.2', 'notApplicable', 'not-applicable-not-allowed', true]]);
    expect(r.orphaned[0].message).toMatch(/không cho phép "Không đánh giá"/);
    expect(r.values.entries['2.2']).toEqual({ evidence: 'CV 5' });
  });
});
