// Term projections (`analytics/projections`): which indicators are on course
// to miss their term target, judged from the years completed so far.

export interface Projection {
  indicator: string;
  target: number | null;
  actual: number | null;
  linear: number | null;
  compound: number | null;
  reachesLinear: boolean | null;
  reachesCompound: boolean | null;
  points: number;
  atRisk: boolean;
}
export interface ProjectionAnswer {
  unit: string;
  term: string;
  through: number;
  items: Projection[];
  atRisk: string[];
}

/**
 * The last year to project from when looking at `period`: its year, kept inside
 * the term; null without a term or for a period that is a whole term.
 */
export function projectionThrough(period: string, term: string | undefined): number | null {
  const m = term ? /^(\d{4})-(\d{4})$/.exec(term) : null;
  const y = /^(\d{4})/.exec(period);
  if (!m || !y || /^\d{4}-\d{4}$/.test(period)) return null;
  return Math.min(Math.max(Number(y[1]), Number(m[1])), Number(m[2]));
}

/** The projections at risk, the one that falls furthest short of its target first. */
export function atRiskFirst(answer: ProjectionAnswer | null | undefined): Projection[] {
  const shortfall = (p: Projection) => {
    const best = Math.max(p.linear ?? -Infinity, p.compound ?? -Infinity);
    return p.target && Number.isFinite(best) ? Math.abs(p.target - best) / Math.abs(p.target) : 0;
  };
  return (answer?.items ?? []).filter((p) => p.atRisk).sort((a, b) => shortfall(b) - shortfall(a));
}
