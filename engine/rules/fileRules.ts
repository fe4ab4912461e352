// AK005: a file that cannot be checked is a finding in every output, not only a line in a log.
import type { Unreadable, UnreadableCause } from '../fileSystem/readText';
import { firstLine, type Rule } from './rule';

export const fileRules: Rule = ({ document, report }) => {
  if (document.unreadable) report('AK005', firstLine, unreadableMessage(document.unreadable));
};

const causes: Record<UnreadableCause, (unreadable: Unreadable) => string> = {
  binary: () => 'bevat NUL-bytes: het is een binair bestand, geen tekst',
  'invalid-utf8': () => 'is geen geldige UTF-8; sla het op als UTF-8',
  // Rounded up, so a file just over the limit does not read as 2,00 MiB.
  'too-large': ({ size }) => `is groter dan 2 MiB${size === undefined ? '' : ` (${(Math.ceil((size / 1024 / 1024) * 100) / 100).toFixed(2).replace('.', ',')} MiB)`}`,
  'dangling-link': () => 'is een symbolische link die nergens naar wijst',
  'link-loop': () => 'is een symbolische link die (via andere links) naar zichzelf wijst',
  'outside-link': () => 'is een symbolische link naar een bestand buiten het corpus',
  'linked-folder': () => 'ligt in een map die via een symbolische link bereikt wordt',
  'not-a-file': () => 'is geen gewoon bestand',
  'read-error': ({ detail }) => `kan niet worden gelezen (${detail.replace(/^cannot be read \((.*)\)$/, '$1')})`,
  missing: () => 'bestaat niet meer',
};

function unreadableMessage(unreadable: Unreadable): string {
  return `Dit bestand ${causes[unreadable.cause](unreadable)}, en kan daarom niet worden gecontroleerd.`;
}
