// The engine's Node-only entry: the corpus on Node's file system.
export { NodeFileSystem } from './nodeFileSystem';
