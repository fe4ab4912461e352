import { directiveRules } from './directiveRules';
import { frontmatterRules } from './frontmatterRules';
import { idRules } from './idRules';
import { keyRules } from './keyRules';
import { listRules } from './listRules';
import { referenceRules } from './referenceRules';
import type { Rule } from './rule';
import { styleRules } from './styleRules';

/** Every rule, in catalogue order. */
export const rules: readonly Rule[] = [frontmatterRules, keyRules, listRules, idRules, referenceRules, directiveRules, styleRules];
