// Files of a corpus beside its pages that the site build reads and some rules need (the site's
// configuration, code lists, the glossary, the templates). Each is optional: a corpus without one
// has the rules that need it skipped. Loaded by `project/loadResources.ts`.

export interface CorpusResources {}
