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

/**
 * The rules that read nothing of the corpus but the document itself, the schema and the files beside
 * the pages (`corpus.resources`): they can check a page as soon as it is parsed, before the other
 * pages are read (test/unit/rules/ruleParts.test.ts holds each to that).
 */
export const documentRules: readonly Rule[] = [fileRules, frontmatterRules, keyRules, styleRules, structureRules, metadataRules];

/** The rules that look at other pages (slugs, ids, vocabularies, links): they need the whole corpus. */
export const corpusRules: readonly Rule[] = rules.filter((rule) => !documentRules.includes(rule));
