import { getHeapSnapshot } from 'node:v8';

/**
 * Every string in the heap that contains one of `needles`, other than the needles themselves (a heap
 * snapshot is taken after a full collection: garbage is not in it). A text some object still holds,
 * directly or through a piece cut from it, shows up here.
 */
export async function stringsHolding(needles: string[]): Promise<string[]> {
  let json = '';
  for await (const chunk of getHeapSnapshot()) json += chunk;
  const snapshot = JSON.parse(json) as { strings: string[] };
  json = '';
  return snapshot.strings.filter((text) => needles.some((needle) => text !== needle && text.includes(needle)));
}
