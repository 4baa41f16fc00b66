// A hybrid logical clock (Kulkarni et al.; as in Actual Budget's sync): wall-clock milliseconds, a
// counter for changes within one millisecond or after a clock that went back, and the replica's id.
// Its text sorts as the clocks order, so SQLite compares clocks as plain text.
export const HLC = /^\d{15}-\d{5}-[0-9a-f]{32}$/;

export interface ClockParts {
  millis: number;
  counter: number;
  replica: string;
}

export function formatClock({ millis, counter, replica }: ClockParts): string {
  return `${String(millis).padStart(15, '0')}-${String(counter).padStart(5, '0')}-${replica}`;
}

export function parseClock(clock: string): ClockParts {
  if (!HLC.test(clock)) throw new Error(`Not a clock: ${clock.slice(0, 80)}`);
  return { millis: Number(clock.slice(0, 15)), counter: Number(clock.slice(16, 21)), replica: clock.slice(22) };
}

export function replicaOf(clock: string): string {
  return clock.slice(22);
}

/** A replica's clock: every value it gives is above every clock it has given or seen. */
export class HybridClock {
  private last: ClockParts;

  constructor(
    readonly replica: string,
    newestSeen: string | null,
    private readonly wall: () => number = Date.now,
  ) {
    const seen = newestSeen ? parseClock(newestSeen) : { millis: 0, counter: 0, replica };
    this.last = { millis: seen.millis, counter: seen.counter, replica };
  }

  next(): string {
    const now = this.wall();
    if (now > this.last.millis) this.last = { millis: now, counter: 0, replica: this.replica };
    else if (this.last.counter < 99_999) this.last = { ...this.last, counter: this.last.counter + 1 };
    // 100,000 changes in one millisecond: borrow the next millisecond rather than wrap.
    else this.last = { millis: this.last.millis + 1, counter: 0, replica: this.replica };
    return formatClock(this.last);
  }

  /** A clock received from another replica: what this one gives next is above it. */
  receive(clock: string): void {
    const seen = parseClock(clock);
    if (seen.millis > this.last.millis || (seen.millis === this.last.millis && seen.counter > this.last.counter)) {
      this.last = { millis: seen.millis, counter: seen.counter, replica: this.replica };
    }
  }
}
