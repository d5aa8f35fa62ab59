import { ActivityFailure, ApplicationFailure, condition, patched, sleep } from '@temporalio/workflow';

/**
 * A saga's steps and undos, by construction: `step(name, undo, call)` registers the undo before the
 * call (a call that took effect and then timed out is still undone), so a step and its undo are read
 * together and an undo can never be registered late. `compensate()` runs the undos in reverse.
 *
 * An undo is retried with backoff; one that keeps failing, or fails with a non-retryable answer, is
 * bounded: it is marked STUCK and the saga waits (without timers, so the history stays the same
 * size however long it waits) for an operator to retry it or mark it resolved. Workflow code only:
 * no I/O, deterministic.
 */
export interface SagaStepFailure {
  code: string;
  message: string;
}

export interface UndoRecord<Step extends string> {
  step: Step;
  status: 'PENDING' | 'RUNNING' | 'RETRYING' | 'STUCK' | 'DONE' | 'RESOLVED_BY_OPERATOR';
  attempts: number;
  lastError?: string;
  /** Who resolved a stuck undo by hand, and their note. */
  resolvedBy?: string;
  note?: string;
}

export interface OperatorAction<Step extends string> {
  step: Step;
  action: 'retry' | 'mark-resolved';
  operator: string;
  note?: string;
}

export interface SagaHooks<Step extends string> {
  /** Records a step or undo event in the timeline. */
  mark(step: Step, status: 'STARTED' | 'COMPLETED' | 'FAILED' | 'RETRYING' | 'STUCK' | 'RESOLVED', detail?: string): void;
  /** Where each undo's progress is shown (the status query). */
  undoRecords: UndoRecord<Step>[];
  /** Called when an undo becomes stuck (true) and when it is moving again (false). */
  onStuck(stuck: boolean): void;
}

export interface Undo<Step extends string> {
  step: Step;
  run: () => Promise<unknown>;
  /** Why it runs although its step is not recorded as reached (shown in the timeline). */
  why?: string;
}

/** Attempts before an undo that keeps failing is marked stuck: 1+2+4+…+60 s of backoff, about 4 minutes. */
export const UNDO_ATTEMPTS_BEFORE_STUCK = 10;
const MAX_UNDO_BACKOFF_MS = 60_000;
/** Histories recorded before undos were bounded retried forever; this marks the bounded ones. */
const BOUNDED_UNDO_PATCH = 'bounded-undo-retries';

export class Saga<Step extends string> {
  private readonly undos: Undo<Step>[] = [];
  private pendingAction: OperatorAction<Step> | undefined;
  private stuckStep: Step | undefined;

  constructor(private readonly hooks: SagaHooks<Step>) {}

  /**
   * Runs a forward step: registers its undo (if any) first, then the call, recording both in the
   * timeline. A failure is recorded with its code and rethrown.
   */
  async step<T>(name: Step, undo: Undo<Step> | null, call: () => Promise<T>): Promise<T> {
    if (undo) this.undos.push(undo);
    this.hooks.mark(name, 'STARTED');
    try {
      const result = await call();
      this.hooks.mark(name, 'COMPLETED');
      return result;
    } catch (err) {
      this.hooks.mark(name, 'FAILED', failureOf(err).code);
      throw err;
    }
  }

  /** Registers an undo that takes over from here (e.g. a refund once a slip was paid). */
  addUndo(undo: Undo<Step>): void {
    this.undos.push(undo);
  }

  /** Whether an undo of this name is registered (its step was reached). */
  registered(step: Step): boolean {
    return this.undos.some((u) => u.step === step);
  }

  /** The step whose undo waits for an operator, if any. */
  get stuck(): Step | undefined {
    return this.stuckStep;
  }

  /** Hands an operator's decision to the stuck undo; the caller validates that one is stuck. */
  act(action: OperatorAction<Step>): void {
    this.pendingAction = action;
  }

  /** Resolves once the operator's action was taken up. */
  async actionTaken(): Promise<void> {
    await condition(() => this.pendingAction === undefined);
  }

  /** Runs every registered undo in reverse order; each runs until it succeeds or an operator resolves it. */
  async compensate(): Promise<void> {
    for (const undo of [...this.undos].reverse()) await this.runUndo(undo);
  }

  private async runUndo(undo: Undo<Step>): Promise<void> {
    const record: UndoRecord<Step> = { step: undo.step, status: 'RUNNING', attempts: 0 };
    this.hooks.undoRecords.push(record);
    this.hooks.mark(undo.step, 'STARTED', undo.why);
    let failuresSinceOperator = 0;
    for (;;) {
      record.attempts += 1;
      try {
        await undo.run();
        record.status = 'DONE';
        this.hooks.mark(undo.step, 'COMPLETED');
        return;
      } catch (err) {
        failuresSinceOperator += 1;
        record.lastError = failureOf(err).message;
        const permanent = isNonRetryable(err);
        // patched() is only reached once an undo has to stop, so other histories gain no marker.
        if ((permanent || failuresSinceOperator >= UNDO_ATTEMPTS_BEFORE_STUCK) && patched(BOUNDED_UNDO_PATCH)) {
          const action = await this.waitForOperator(record, permanent ? failureOf(err).code : 'RETRIES_EXHAUSTED');
          failuresSinceOperator = 0;
          if (action.action === 'mark-resolved') {
            record.status = 'RESOLVED_BY_OPERATOR';
            record.resolvedBy = action.operator;
            if (action.note) record.note = action.note;
            this.hooks.mark(undo.step, 'RESOLVED', `by ${action.operator}`);
            return;
          }
          continue;
        }
        record.status = 'RETRYING';
        this.hooks.mark(undo.step, 'RETRYING', record.lastError);
        await sleep(Math.min(1000 * 2 ** (failuresSinceOperator - 1), MAX_UNDO_BACKOFF_MS));
      }
    }
  }

  private async waitForOperator(record: UndoRecord<Step>, why: string): Promise<OperatorAction<Step>> {
    record.status = 'STUCK';
    this.stuckStep = record.step;
    this.hooks.mark(record.step, 'STUCK', `${why}: ${record.lastError ?? ''}`.trim());
    this.hooks.onStuck(true);
    // No timer: a stuck saga waits as long as it takes without adding events to its history.
    await condition(() => this.pendingAction !== undefined);
    const action = this.pendingAction as OperatorAction<Step>;
    this.pendingAction = undefined;
    this.stuckStep = undefined;
    this.hooks.onStuck(false);
    record.status = 'RUNNING';
    return action;
  }
}

/** True when retrying the same call cannot help (a typed business or contract failure). */
function isNonRetryable(err: unknown): boolean {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  return cause instanceof ApplicationFailure && cause.nonRetryable === true;
}

/**
 * True for a forward step's typed business rejection (OUT_OF_STOCK, CARD_DECLINED, …) or one the saga
 * raises itself (PAYMENT_EXPIRED): an answer stored under the step's idempotency key, so every run of
 * that step answers the same. STEP_UNDONE (something undid the step meanwhile) is not one.
 */
export function isBusinessRejection(err: unknown): boolean {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  return cause instanceof ApplicationFailure && cause.nonRetryable === true && cause.type !== 'STEP_UNDONE';
}

/** The stable code and message of a step's failure. */
export function failureOf(err: unknown): SagaStepFailure {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure) return { code: cause.type ?? 'STEP_FAILED', message: cause.message };
  return { code: 'STEP_FAILED', message: cause instanceof Error ? cause.message : String(cause) };
}
