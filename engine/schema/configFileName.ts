// The names of configuration files in a corpus root, in a module of their own: the VS Code client
// watches them, and a bundle that imports them must not carry the parsers that read them.

/** Name of the optional configuration file in a corpus root. */
export const configFileName = '.algoritmekader.json';

/** The site configuration files MkDocs looks for in the corpus root, in its order. */
export const siteConfigFiles = ['mkdocs.yml', 'mkdocs.yaml'];
