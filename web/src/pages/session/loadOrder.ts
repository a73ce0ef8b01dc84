// The statement is what a reader sees first: CodeMirror (the largest chunk) starts loading only
// once the statement is on screen, so the two do not compete for the network and the CPU.

let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

export function markStatementShown(): void {
  markShown();
}

/** Resolves when the statement has rendered, or after `capMs` at the latest. */
export function afterStatementShown(capMs = 1500): Promise<void> {
  return Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, capMs))]);
}
