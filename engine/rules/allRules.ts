import { directiveRules } from './directiveRules';
import { fileRules } from './fileRules';
import { frontmatterRules } from './frontmatterRules';
import { idRules } from './idRules';
import { keyRules } from './keyRules';
import { linkRules } from './linkRules';
import { listRules } from './listRules';
import { metadataRules } from './metadataRules';
import { referenceRules } from './referenceRules';
import type { Rule } from './rule';
import { structureRules } from './structureRules';
import { styleRules } from './styleRules';

/** Every rule, in catalogue order. */
export const rules: readonly Rule[] = [
  fileRules,
  frontmatterRules,
  keyRules,
  listRules,
  idRules,
  referenceRules,
  directiveRules,
  styleRules,
  linkRules,
  structureRules,
  metadataRules,
];
