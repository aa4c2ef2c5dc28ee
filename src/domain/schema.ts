/**
 * The criteria-set file format. Sets are data, not code: provinces issue new ones every
 * year and per level, so everything the engine needs (tree, maxima, scoring method,
 * bands) lives here and is checked when a set is loaded.
 */
import { z } from 'zod';

export const LEVELS = ['so', 'xa', 'tinh'] as const;
export type Level = (typeof LEVELS)[number];

/** free: any score 0..max · options: one of the listed outcomes · ratio: a/b × max */
export const SCORING_METHODS = ['free', 'options', 'ratio'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

/** self: the unit scores it · survey: điều tra xã hội học · council: Hội đồng thẩm định */
export const SCORERS = ['self', 'survey', 'council'] as const;
export type Scorer = (typeof SCORERS)[number];

/**
 * official: names, codes and maxima verified in the cited decision · illustrative: made up
 * for demos and tests · imported: typed or pasted by a user from an annex we have not seen.
 */
export const SET_STATUSES = ['official', 'illustrative', 'imported'] as const;
export type SetStatus = (typeof SET_STATUSES)[number];

const text = z.string().trim().min(1);

export const optionSchema = z.object({
  label: text,
  points: z.number().finite().min(0),
});
export type ScoringOption = z.infer<typeof optionSchema>;

export interface CriterionData {
  code: string;
  name: string;
  nameEn?: string;
  maxScore: number;
  children?: CriterionData[];
  method?: ScoringMethod;
  options?: ScoringOption[];
  ratio?: { numerator: string; denominator: string };
  scoredBy?: Scorer;
  allowNotApplicable?: boolean;
  evidenceRequired?: boolean;
  guidance?: string;
}

export const criterionSchema: z.ZodType<CriterionData, CriterionData> = z.lazy(() =>
  z.object({
    code: text,
    name: text,
    nameEn: text.optional(),
    maxScore: z.number().finite().positive(),
    children: z.array(criterionSchema).optional(),
    method: z.enum(SCORING_METHODS).optional(),
    options: z.array(optionSchema).min(1).optional(),
    ratio: z.object({ numerator: text, denominator: text }).optional(),
    scoredBy: z.enum(SCORERS).optional(),
    allowNotApplicable: z.boolean().optional(),
    evidenceRequired: z.boolean().optional(),
    guidance: text.optional(),
  }),
);

export const bandSchema = z.object({
  label: text,
  labelEn: text.optional(),
  /** Lowest index (fraction of the applicable maximum) that earns the band. */
  minRate: z.number().min(0).max(1),
});
export type Band = z.infer<typeof bandSchema>;

export const decisionSchema = z.object({
  number: text,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày theo dạng YYYY-MM-DD'),
  issuer: text,
  title: text.optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const criteriaSetSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
  title: text,
  titleEn: text.optional(),
  status: z.enum(SET_STATUSES),
  /** Where every name, code and maximum came from; shown beside the set. */
  source: text,
  decision: decisionSchema.optional(),
  year: z.number().int().min(2000).max(2100),
  level: z.enum(LEVELS),
  version: text,
  /** Declared total (usually 100); checked against the sum of the fields. */
  totalMax: z.number().positive().optional(),
  bands: z.array(bandSchema).default([]),
  items: z.array(criterionSchema).min(1),
});
export type CriteriaSetData = z.input<typeof criteriaSetSchema>;
export type ParsedCriteriaSetData = z.output<typeof criteriaSetSchema>;

export const LEVEL_LABELS: Record<Level, { vi: string; en: string }> = {
  so: { vi: 'Sở, ban, ngành', en: 'Provincial departments' },
  xa: { vi: 'Xã, phường', en: 'Communes and wards' },
  tinh: { vi: 'Tỉnh', en: 'Province' },
};
