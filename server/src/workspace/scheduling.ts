// Timers that exist on Node and in a browser worker alike.

/** Resolves after pending events are handled: setImmediate on Node, a zero timeout elsewhere. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** Runs `callback` once the current batch of events is handled (setImmediate on Node, a zero timeout elsewhere). */
export function soon(callback: () => void): { cancel(): void } {
  if (typeof setImmediate === 'function') {
    const handle = setImmediate(callback);
    return { cancel: () => clearImmediate(handle) };
  }
  const handle = setTimeout(callback, 0);
  return { cancel: () => clearTimeout(handle) };
}
