/** Name of the optional configuration file in a corpus root (its own module: the VS Code client imports it too). */
export const configFileName = '.algoritmekader.json';
