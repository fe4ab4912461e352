import type { Fix } from '../fixes/fix';
import type { Range } from '../text/positions';
import type { Severity } from './catalog';

export interface Finding {
  path: string;
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}
