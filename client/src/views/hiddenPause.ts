// When the clusterset is read and when its watches rest: start on the first time the view is shown (never
// before), pause once it has been hidden for `delayMs`, resume when it is shown again. No vscode import, so
// the rule is unit-tested with fake timers (test/unit/client/views/hiddenPause.test.ts).
export interface PauseTarget {
  start(): void;
  pause(): void;
  resume(): void;
}

export class HiddenPause {
  private started = false;
  private paused = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly target: PauseTarget,
    private readonly delayMs: number,
  ) {}

  get isStarted(): boolean {
    return this.started;
  }

  /** Something else started the reads (e.g. Refresh from the status bar). */
  markStarted(): void {
    this.started = true;
    this.paused = false;
  }

  setVisible(visible: boolean): void {
    if (visible) {
      this.cancel();
      if (!this.started) {
        this.started = true;
        this.target.start();
      } else if (this.paused) {
        this.paused = false;
        this.target.resume();
      }
    } else if (this.started && !this.paused && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.paused = true;
        this.target.pause();
      }, this.delayMs);
    }
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
