/**
 * POSIX cron (5 fields) as GitHub Actions `schedule` accepts it: minute, hour, day of month,
 * month, day of week; `*`, lists, ranges and steps; month and weekday names.
 */
const FIELDS: Array<{ name: string; min: number; max: number; names?: string[] }> = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

/** Returns why `expr` is not a valid cron expression, or undefined when it is. */
export function cronProblem(expr: string): string | undefined {
  if (typeof expr !== 'string') return 'not a string';
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return `${parts.length} fields instead of 5`;
  for (let i = 0; i < 5; i++) {
    const f = FIELDS[i];
    const value = (v: string): number | undefined => {
      if (/^\d+$/.test(v)) return Number(v);
      const idx = f.names?.indexOf(v.toLowerCase()) ?? -1;
      return idx >= 0 ? idx + f.min : undefined;
    };
    for (const item of parts[i].split(',')) {
      const m = /^(\*|[^/-]+(?:-[^/-]+)?)(?:\/(\d+))?$/.exec(item);
      if (!m) return `bad ${f.name} item "${item}"`;
      if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > f.max)) return `bad ${f.name} step "${m[2]}"`;
      if (m[1] === '*') continue;
      const [a, b] = m[1].split('-');
      const lo = value(a);
      const hi = b === undefined ? lo : value(b);
      // day of week 7 is Sunday too
      const max = i === 4 ? 7 : f.max;
      if (lo === undefined || hi === undefined || lo < f.min || hi > max || lo > hi) return `bad ${f.name} "${m[1]}" (allowed ${f.min}-${max}${f.names ? ' or names' : ''})`;
    }
  }
  return undefined;
}
