// Manual time for schedule tests: a clock and timer functions (setTimer/clearTimer) driven by advance().
/** Timers driven by hand: advance() moves the clock and fires what fell due, in order. */
export class ManualTime {
  now: number;
  private timers: { id: number; at: number; fire: () => void }[] = [];
  private nextId = 1;
  readonly delays: number[] = [];

  constructor(start: string) {
    this.now = Date.parse(start);
  }

  clock = () => this.now;
  setTimer = (fire: () => void, ms: number) => {
    this.delays.push(ms);
    const id = this.nextId++;
    this.timers.push({ id, at: this.now + ms, fire });
    return id;
  };
  clearTimer = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };

  get pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const due = this.timers[0];
      if (!due || due.at > end) break;
      this.timers.shift();
      this.now = Math.max(this.now, due.at);
      due.fire();
    }
    this.now = end;
  }
}
