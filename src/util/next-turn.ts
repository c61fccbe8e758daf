/**
 * Resolves on the event loop's next turn: after the I/O callbacks and microtasks already due, so
 * work started there never runs ahead of a request that was about to be sent.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
