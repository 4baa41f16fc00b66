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

export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}
