/**
 * Which criteria set a file was made for: the set stored in the file itself first (so a
 * provincial set checks even where it is not bundled), else the bundled set of the same
 * id. A stored set that differs from the bundled one of the same id and version is worth
 * a warning: the file may have been made from an edited set.
 */
import { findBundledSet } from '../../criteria';
import { criteriaSetToData, loadCriteriaSet, formatPoints, type CriteriaSet, type Problem } from '../../domain';
import type { FileMeta } from './meta';

export type SetResolution =
  | { ok: true; set: CriteriaSet; origin: 'embedded' | 'bundled'; problems: Problem[] }
  | { ok: false; reason: string; reasonEn: string };

export function resolveSet(meta: FileMeta): SetResolution {
  const problems: Problem[] = [];
  const bundled = meta.setId ? findBundledSet(meta.setId) : undefined;
  if (meta.setJson !== null) {
    let embedded: CriteriaSet | null = null;
    let why = '';
    const cached = embeddedSets.get(meta.setJson);
    if (cached) return { ok: true, set: cached.set, origin: 'embedded', problems: [...cached.problems] };
    try {
      embedded = loadCriteriaSet(JSON.parse(meta.setJson), meta.setId ?? 'bộ tiêu chí trong tệp');
    } catch (e) {
      why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    }
    if (embedded) {
      const same = bundled?.id === embedded.id ? bundled : findBundledSet(embedded.id);
      if (same) problems.push(...compareWithBundled(embedded, same));
      remember(meta.setJson, { set: embedded, problems: [...problems] });
      return { ok: true, set: embedded, origin: 'embedded', problems };
    }
    problems.push({
      code: 'set-embedded-invalid',
      severity: 'warning',
      criterion: null,
      message: `Bộ tiêu chí lưu trong tệp (trang ${meta.sheet}) không đọc được (${why}); dùng bộ cài sẵn "${meta.setId ?? '?'}"`,
      messageEn: `The criteria set stored in the file cannot be read (${why}); using the bundled set "${meta.setId ?? '?'}"`,
    });
  }
  if (bundled) {
    if (meta.setVersion && meta.setVersion !== bundled.version) {
      problems.push({
        code: 'set-version-differs',
        severity: 'warning',
        criterion: null,
        message: `Tệp được tạo từ bộ tiêu chí ${bundled.id} phiên bản ${meta.setVersion}; đang kiểm tra theo phiên bản ${bundled.version} cài sẵn`,
        messageEn: `The file was made from ${bundled.id} version ${meta.setVersion}; checking against the bundled version ${bundled.version}`,
      });
    }
    return { ok: true, set: bundled, origin: 'bundled', problems };
  }
  const id = meta.setId ? ` "${meta.setId}"` : '';
  return {
    ok: false,
    reason: `không nhận ra bộ tiêu chí${id}: tệp không còn lưu bộ tiêu chí và bộ này không có sẵn trong chương trình`,
    reasonEn: `unknown criteria set${id}: the file holds no readable set and none is bundled with that id`,
  };
}

/**
 * Sets already loaded from files, by their stored JSON: the submissions of one province
 * carry the same set, and loading (schema check, tree) is the costliest step of reading
 * one. Loaded sets are never modified, so sharing one is safe; a few kept at most.
 */
const embeddedSets = new Map<string, { set: CriteriaSet; problems: Problem[] }>();
const MAX_REMEMBERED_SETS = 8;
function remember(json: string, loaded: { set: CriteriaSet; problems: Problem[] }): void {
  if (embeddedSets.size >= MAX_REMEMBERED_SETS) embeddedSets.delete(embeddedSets.keys().next().value!);
  embeddedSets.set(json, loaded);
}

function compareWithBundled(embedded: CriteriaSet, bundled: CriteriaSet): Problem[] {
  if (JSON.stringify(criteriaSetToData(embedded)) === JSON.stringify(criteriaSetToData(bundled))) return [];
  if (embedded.version !== bundled.version) {
    return [
      {
        code: 'set-version-differs',
        severity: 'info',
        criterion: null,
        message: `Tệp dùng bộ tiêu chí ${embedded.id} phiên bản ${embedded.version} (lưu trong tệp); bản cài sẵn là ${bundled.version}`,
        messageEn: `The file uses ${embedded.id} version ${embedded.version} (stored in the file); the bundled one is ${bundled.version}`,
      },
    ];
  }
  const differs: string[] = [];
  for (const node of bundled.nodes) {
    const other = embedded.byCode.get(node.code);
    if (!other) differs.push(`${node.code} (thiếu)`);
    else if (other.maxScore !== node.maxScore) differs.push(`${node.code}: ${formatPoints(other.maxScore)} thay vì ${formatPoints(node.maxScore)}`);
  }
  for (const node of embedded.nodes) if (!bundled.byCode.has(node.code)) differs.push(`${node.code} (thêm)`);
  const detail = differs.length > 0 ? `: ${differs.slice(0, 5).join('; ')}${differs.length > 5 ? '; …' : ''}` : ' (tên, cách chấm hoặc thuộc tính khác)';
  return [
    {
      code: 'set-differs',
      severity: 'warning',
      criterion: null,
      message: `Bộ tiêu chí lưu trong tệp khác bộ ${bundled.id} phiên bản ${bundled.version} cài sẵn${detail}; tệp được kiểm tra theo bộ lưu trong tệp`,
      messageEn: `The set stored in the file differs from the bundled ${bundled.id} ${bundled.version}; the file is checked against its own set`,
    },
  ];
}
