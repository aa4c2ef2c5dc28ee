/** Achieved vs target rate per field as plain SVG bars (no chart library in the pane). */
import { tokens } from '@fluentui/react-components';
import { formatRate, type PlanRow } from '../../domain';
import { useLocale, useStrings } from '../locale';

const WIDTH = 288;
const LABEL = 34;
const BAR = 7;
const ROW = 2 * BAR + 8;
const TOP = 18;

export function PlanChart({ rows }: { rows: PlanRow[] }) {
  const strings = useStrings();
  const locale = useLocale();
  const plot = WIDTH - LABEL - 44;
  const height = TOP + rows.length * ROW + 4;
  const x = (rate: number | null) => Math.max(0, Math.min(1, rate ?? 0)) * plot;
  return (
    <svg data-testid="plan-chart" role="img" aria-label={strings.planner.chartHeading} width="100%" viewBox={`0 0 ${WIDTH} ${height}`} style={{ maxWidth: WIDTH }}>
      <rect x={LABEL} y={2} width={8} height={8} fill={tokens.colorBrandBackground} />
      <text x={LABEL + 11} y={10} fontSize={9} fill={tokens.colorNeutralForeground2}>
        {strings.planner.chartAchieved}
      </text>
      <rect x={LABEL + 90} y={2} width={8} height={8} fill={tokens.colorNeutralStroke1} />
      <text x={LABEL + 101} y={10} fontSize={9} fill={tokens.colorNeutralForeground2}>
        {strings.planner.chartTarget}
      </text>
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        return (
          <g key={r.code} data-code={r.code}>
            <title>{`${r.code}. ${r.name}: ${formatRate(r.scoreRate, locale) || '—'} / ${formatRate(r.targetRate, locale) || '—'}`}</title>
            <text x={0} y={y + BAR + 3} fontSize={10} fill={tokens.colorNeutralForeground1}>
              {r.code}
            </text>
            <rect x={LABEL} y={y} width={x(r.scoreRate)} height={BAR} fill={tokens.colorBrandBackground} data-series="achieved" data-rate={r.scoreRate ?? ''} />
            <rect x={LABEL} y={y + BAR + 1} width={x(r.targetRate)} height={BAR} fill={tokens.colorNeutralStroke1} data-series="target" data-rate={r.targetRate ?? ''} />
            <text x={LABEL + plot + 3} y={y + BAR} fontSize={9} fill={tokens.colorNeutralForeground2}>
              {formatRate(r.scoreRate, locale)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
