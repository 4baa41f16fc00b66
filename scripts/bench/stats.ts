// Timing helpers for the bench: median and spread over repeated runs.
export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Runs `fn` `runs` times (after one warm-up unless told not to) and summarises the wall times in ms. */
export async function time(runs: number, fn: () => unknown, options: { warmup?: boolean; before?: () => unknown } = {}): Promise<Timing> {
  if (options.warmup !== false) {
    await options.before?.();
    await fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await options.before?.();
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/**
 * Runs `first` and `second` in turns (after one warm-up of each), `before` ahead of every run, and
 * summarises each and the ratio first/second turn by turn: two measures taken minutes apart on a
 * machine whose speed drifts compare the drift as much as the code.
 */
export async function inTurns(runs: number, first: () => unknown, second: () => unknown, before: () => unknown): Promise<{ first: Timing; second: Timing; ratios: Timing }> {
  const timed = async (fn: () => unknown) => {
    await before();
    const started = performance.now();
    await fn();
    return performance.now() - started;
  };
  await timed(first);
  await timed(second);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await timed(first));
    b.push(await timed(second));
  }
  return { first: summarise(a), second: summarise(b), ratios: summarise(a.map((x, i) => x / b[i]!)) };
}

export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}
