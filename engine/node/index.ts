// The engine's Node-only entry: the corpus on Node's file system and the parse cache on disk.
export { NodeFileSystem } from './nodeFileSystem';
export { defaultCacheFolder, FrontmatterDiskCache } from './frontmatterDiskCache';
