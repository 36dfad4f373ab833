import type { Signal } from '../../signals/signal';
import type { IMonitorBackend, ISignalAwareMonitorBackend } from '../backend';

/**
 * What `backend` says of `signal` through the optional `canEvaluate` capability
 * (`ISignalAwareMonitorBackend`): true or false, or undefined when the backend does not say.
 * Callers choose what an unknown answer means; none of them names a kind of backend.
 */
export function backendEvaluates(backend: IMonitorBackend, signal: Signal): boolean | undefined {
  const aware = backend as Partial<ISignalAwareMonitorBackend>;
  return typeof aware.canEvaluate === 'function' ? aware.canEvaluate(signal) : undefined;
}

/** Why a backend cannot evaluate a signal: the system's name and the reason, for a warning. */
export interface EvaluationGap {
  /** The system, as a warning names it (`Datadog`). */
  readonly system: string;
  /** Why, in words (`Datadog's published metrics of AWS/SNS do not list …`). */
  readonly reason: string;
}

/**
 * Why `backend` cannot evaluate `signal`, when it says `canEvaluate` false: its own explanation
 * (the optional internal `_evaluationGap`) or, failing that, its kind and a plain reason.
 * Undefined when the backend evaluates the signal or does not say.
 */
export function evaluationGap(backend: IMonitorBackend, signal: Signal): EvaluationGap | undefined {
  if (backendEvaluates(backend, signal) !== false) return undefined;
  const explaining = backend as { _evaluationGap?: (s: Signal) => EvaluationGap | undefined };
  const gap = typeof explaining._evaluationGap === 'function' ? explaining._evaluationGap(signal) : undefined;
  return gap ?? { system: backend.kind, reason: `the ${backend.kind} backend does not evaluate signals of kind ${signal.kind}` };
}
