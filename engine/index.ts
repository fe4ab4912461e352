// The engine's public entry: parsing, the corpus index, the rules and their fixes, behind a
// file-system interface. It runs anywhere (Node, a browser worker, tests on files in memory); the
// Node-only parts are in `./node`. Layers, each importing only from those before it:
//   text, fileSystem → schema → parsing → corpus → fixes → rules → project

export type { Position, Range } from './text/positions';
export { suggest, didYouMean, SlugIndex, type Suggestions } from './text/suggest';
export { detached, StringPool } from './text/strings';

export type { DirectoryEntry, Disposable, FileChange, FileChangeType, FileKind, FileStat, FileSystem, WritableFileSystem } from './fileSystem/fileSystem';
export { FileSystemError, folderOf, joinPath, subFileSystem } from './fileSystem/fileSystem';
export { MemoryFileSystem } from './fileSystem/memoryFileSystem';
export { maxFileBytes, readMarkdownText, readMarkdownTextSync, stampOf, type ReadResult } from './fileSystem/readText';

export { configFileName, siteConfigFiles } from './schema/configFileName';
export { defaultSchema, entryOf, knownKeys, type CorpusSchema, type DirectiveSchema, type DocumentTypeSchema, type Vocabulary } from './schema/schema';

export type { Directive, DirectiveArgument } from './parsing/directives';
export { parseFrontmatter, type Frontmatter, type FrontmatterEntry, type YamlValue } from './parsing/frontmatter';
export { entriesOf, parseDocument, type DirectiveFilter, type ParsedDocument, type SlugReference } from './parsing/parseDocument';

export { Corpus } from './corpus/corpus';
export { FileChangedError } from './corpus/reloadableText';
export { allowedValues, isAllowed } from './corpus/vocabulary';

export type { Fix, TextEdit } from './fixes/fix';
export { applyEdits, selectSafeFixes } from './fixes/applyFixes';

export { ruleByCode, ruleCatalog, severitySettings, type RuleInfo, type Severity, type SeveritySetting } from './rules/catalog';
export { checkCorpus, checkDocument, compareFindings, type RulePart, type SeverityOverrides } from './rules/checker';
export type { Finding } from './rules/finding';

export { ConfigError, loadCorpusConfig, parseCorpusConfig, parseRuleSettings, type CorpusConfig } from './project/corpusConfig';
export { findCorpusRoots, isCorpusRoot, isCorpusRootFolder } from './project/corpusRoots';
export { docsFolder, listMarkdownFiles, loadCorpus, readDocument, type LoadedCorpus, type LoadOptions, type SkippedFile } from './project/loadCorpus';
export { fixCorpus } from './project/fixCorpus';

export { createSiteMarkdown } from './parsing/markdown/siteMarkdown';
export { containersPlugin, matchContainer, type ContainerInfo, type ContainerKind } from './parsing/markdown/containers';
export { slugify, uniqueId } from './parsing/markdown/slugify';
export { idOfAttrList, splitHeadingAttrList } from './parsing/markdown/attrList';
export { headingText, parsePageBody, type BodyLink, type Container, type Heading, type LinkKind, type PageBody } from './parsing/markdown/pageBody';
export type { CorpusResources } from './corpus/resources';
export { isResourcePath, loadResources, resourcePaths } from './project/loadResources';
// Body links: where they lead on the site, and the edits of renaming pages and headings.
export type { SiteConfig } from './corpus/resources';
export { linkPathTo, linkTargetOf, type LinkTarget } from './corpus/linkTargets';
export { folderOfPath, relativePathFrom } from './text/urls';
export { leadsTo, movePagesEdits, renameHeadingEdits, renamePageEdits, type PageMove } from './fixes/renames';
// Template structure, site-rendering traps and the metadata the site interprets (AK005, AK080-AK095).
export { linkRefusals, type Unreadable, type UnreadableCause } from './fileSystem/readText';
export { displayName } from './schema/schema';
export { unreadableDocument } from './parsing/parseDocument';
export { scanBodyLines, type BodyLines, type LineSpan } from './parsing/bodyLines';
export { glossaryTermAt, parseGlossary, type Glossary, type GlossaryTerm } from './parsing/glossary';
export { parseSourceCodes, readCsv, type SourceCode, type SourceCodes } from './parsing/sourceCodes';
export { describeExpression, expressionLabels, labelsOf, parseLabelExpression, type ExpressionError, type ExpressionLabel, type LabelExpression } from './parsing/uitzondering';
export { YamlMap, YamlMapEntry, YamlScalar } from './parsing/frontmatter';
export { checkResources } from './rules/checker';
export { isSectionHeading, requiredSections } from './rules/structureRules';
export { templatePath } from './project/authoringResources';
// The site's rendering of directives, for the hover and the Markdown preview.
export { listedDocuments, siteDirectiveView, withLinksFrom } from './corpus/siteDirectives';
export type { OwnRow, SiteCell, SiteDirectiveView, SiteLabel } from './corpus/siteDirectives';
