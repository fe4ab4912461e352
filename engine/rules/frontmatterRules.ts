// AK001-AK004: is there a frontmatter block, and is it a YAML mapping?
import { firstLine, type Rule } from './rule';

/** A broken block can make the parser report an error on every line; past this many, one more finding says how many are left. */
const maxYamlErrors = 10;

export const frontmatterRules: Rule = ({ document, report }) => {
  if (!document.type) return;
  const frontmatter = document.frontmatter;
  if (frontmatter.status === 'missing') {
    report('AK001', firstLine, 'Het bestand begint niet met een frontmatter-blok: zet op regel 1 een regel `---`, dan de sleutels, en sluit af met `---`.');
  } else if (frontmatter.status === 'unclosed') {
    report('AK002', firstLine, 'Het frontmatter-blok wordt nergens afgesloten: voeg na de laatste sleutel een regel `---` toe.');
  } else {
    for (const error of frontmatter.errors.slice(0, maxYamlErrors)) report('AK003', error.range, `Ongeldige YAML in de frontmatter: ${error.message}`);
    const more = frontmatter.errors.length - maxYamlErrors;
    if (more > 0) report('AK003', frontmatter.errors[maxYamlErrors].range, `Nog ${more} YAML-fouten in de frontmatter; herstel eerst de eerste.`);
    if (frontmatter.errors.length === 0 && !frontmatter.isMapping) {
      report('AK004', firstLine, 'De frontmatter is geen mapping: verwacht regels `sleutel: waarde`, geen lijst of losse tekst.');
    }
  }
};
