// Start and stop of training runs as one small state machine per session (a dataset, or one
// run of a comparison): idle → starting → running → stopping. A start or a Stop that arrives
// mid-transition is folded into the session's state instead of racing the transition already
// under way, so a session never has more than one run alive and a Stop reaches every run of its
// target, pending or live. No `vscode` here: the owner derives the context key and the status
// bar from `onChange`, which fires at every transition.

export type SessionState = 'idle' | 'starting' | 'running' | 'stopping';

/** What the machine needs of a run: a way to ask it to end. It must then end (call `ended`) on its own. */
export interface StoppableRun {
  stop(): void;
}

/**
 * Launches a run for a request. `ended` must be called exactly once when the run has ended,
 * whatever the reason (completed, stopped, failed); calling it during `launch` is allowed.
 */
export type Launch<Request, Run extends StoppableRun> = (session: string, request: Request, ended: () => void) => Run;

interface Pending<Request, Run> {
  request: Request;
  settle(run: Run | undefined): void;
  fail(error: unknown): void;
}

interface Live<Run> {
  run: Run;
  ended: Promise<void>;
}

interface Session<Request, Run> {
  readonly key: string;
  /** What a targeted Stop matches (the dataset), shared by the sessions of a comparison. */
  readonly target: string;
  state: SessionState;
  /** The run alive in this session: running, stopping, or still ending under a pending start. */
  live?: Live<Run>;
  /** The start waiting for `live` to end. A newer start replaces it. */
  pending?: Pending<Request, Run>;
}

export class RunSessions<Request, Run extends StoppableRun> {
  private readonly sessions = new Map<string, Session<Request, Run>>();

  constructor(
    private readonly launch: Launch<Request, Run>,
    private readonly onChange: (session: string, state: SessionState) => void = () => {},
  ) {}

  /**
   * Starts a run in `session`, first stopping the one it has. Resolves with the run once it is
   * launched, or with undefined when a later start or a Stop replaced this request first.
   */
  start(session: string, target: string, request: Request): Promise<Run | undefined> {
    return new Promise((resolve, reject) => {
      const entry = this.sessions.get(session) ?? this.create(session, target);
      entry.pending?.settle(undefined);
      entry.pending = { request, settle: resolve, fail: reject };
      switch (entry.state) {
        case 'idle':
          this.transition(entry, 'starting');
          this.launchPending(entry);
          break;
        case 'running':
          this.transition(entry, 'starting');
          entry.live!.run.stop();
          break;
        case 'stopping':
          this.transition(entry, 'starting');
          break;
        case 'starting':
          // The newer request took the place of the older one, which has been told (undefined).
          break;
      }
    });
  }

  /**
   * Stops every run of `target` (every session when omitted), pending or live. Resolves when
   * every run those sessions had has ended.
   */
  stop(target?: string): Promise<void> {
    const endings: Promise<void>[] = [];
    for (const entry of [...this.sessions.values()]) {
      if (target === undefined || entry.target === target) this.stopEntry(entry, endings);
    }
    return Promise.all(endings).then(() => undefined);
  }

  /** Stops one session only (e.g. one run of a comparison), pending or live. */
  stopSession(session: string): Promise<void> {
    const endings: Promise<void>[] = [];
    const entry = this.sessions.get(session);
    if (entry) this.stopEntry(entry, endings);
    return Promise.all(endings).then(() => undefined);
  }

  private stopEntry(entry: Session<Request, Run>, endings: Promise<void>[]): void {
    if (entry.pending) {
      const dropped = entry.pending;
      entry.pending = undefined;
      dropped.settle(undefined);
    }
    if (entry.live) endings.push(entry.live.ended);
    if (entry.state === 'running') {
      this.transition(entry, 'stopping');
      entry.live!.run.stop();
    } else if (entry.state === 'starting') {
      // The previous run is already asked to stop; without it there is nothing left.
      this.transition(entry, entry.live ? 'stopping' : 'idle');
    }
  }

  stateOf(session: string): SessionState {
    return this.sessions.get(session)?.state ?? 'idle';
  }

  /** The run alive in a session (running or stopping), if any. */
  runOf(session: string): Run | undefined {
    return this.sessions.get(session)?.live?.run;
  }

  /** Whether any session is starting, running or stopping: what the context key says. */
  get busy(): boolean {
    return this.sessions.size > 0;
  }

  /** Sessions that are not idle, oldest first: their state, live run and pending request. */
  states(): { session: string; state: SessionState; run?: Run; pending?: Request }[] {
    return [...this.sessions.values()].map((entry) => ({ session: entry.key, state: entry.state, run: entry.live?.run, pending: entry.pending?.request }));
  }

  private create(key: string, target: string): Session<Request, Run> {
    const entry: Session<Request, Run> = { key, target, state: 'idle' };
    this.sessions.set(key, entry);
    return entry;
  }

  private transition(entry: Session<Request, Run>, state: SessionState): void {
    if (entry.state === state) return;
    entry.state = state;
    // Idle sessions are forgotten, so a long session of comparisons keeps no garbage.
    if (state === 'idle') this.sessions.delete(entry.key);
    this.onChange(entry.key, state);
  }

  /** Launches the pending request of a session that has no run alive. */
  private launchPending(entry: Session<Request, Run>): void {
    const pending = entry.pending!;
    entry.pending = undefined;
    let endedEarly = false;
    let resolveEnded!: () => void;
    const live: Live<Run> = { run: undefined as unknown as Run, ended: new Promise((resolve) => (resolveEnded = resolve)) };
    const ended = () => {
      if (live.run === undefined) endedEarly = true;
      else this.ended(entry, live);
      resolveEnded();
    };
    try {
      live.run = this.launch(entry.key, pending.request, ended);
    } catch (error) {
      this.transition(entry, 'idle');
      pending.fail(error);
      return;
    }
    entry.live = live;
    this.transition(entry, 'running');
    pending.settle(live.run);
    if (endedEarly) this.ended(entry, live);
  }

  private ended(entry: Session<Request, Run>, live: Live<Run>): void {
    if (entry.live !== live) return;
    entry.live = undefined;
    if (entry.state === 'starting' && entry.pending) this.launchPending(entry);
    else this.transition(entry, 'idle');
  }
}
