// How old the guide's comparison with its facts is. content/meta.json's checkedOn is the date the
// words were last compared with the fact register; the official pages change (the app was renamed
// in 2026-08), so a guide not compared for half a year says so on every outcome, and the build
// warns well before that (scripts/freshness.ts).

/** After this many days without a comparison, every outcome shows a notice (data-stale). */
export const STALE_AFTER_DAYS = 180;
/** After this many days, `vite build` prints a warning. */
export const WARN_AFTER_DAYS = 90;

const DAY = 24 * 60 * 60 * 1000;

/** Whole days from checkedOn (YYYY-MM-DD, Japan) to `now`. */
export function daysSince(checkedOn: string, now: Date = new Date()): number {
  return Math.floor((now.getTime() - new Date(`${checkedOn}T00:00:00+09:00`).getTime()) / DAY);
}

export function isStale(checkedOn: string, now: Date = new Date()): boolean {
  return daysSince(checkedOn, now) > STALE_AFTER_DAYS;
}
