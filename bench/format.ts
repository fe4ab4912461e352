/** Number formatting shared by the progress output, the targets and the report. */

export const fmt = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));
export const mib = (b: number | null): string => (b === null ? 'n/a' : (b / 1048576).toFixed(1));
