import { IConstruct } from 'constructs';

/**
 * The one error type of the library: a prop of a construct was given a value it does not
 * accept. It carries the construct path, the prop, the value received and what is accepted,
 * and its message reads
 * `path/to/Construct: 'prop' must be <accepted>; received <value>`.
 *
 * Not exported through jsii (jsii cannot export subclasses of `Error`); use
 * `Errors.isValidationError()` to recognise it from any language.
 */
export class ValidationError extends Error {
  /** Path of the construct whose prop was rejected. */
  public readonly constructPath: string;
  /** Name of the rejected prop (a dotted path for nested props). */
  public readonly prop: string;
  /** The value received, rendered for humans. */
  public readonly received: string;
  /** What the prop accepts. */
  public readonly accepted: string;

  constructor(constructPath: string, prop: string, received: string, accepted: string) {
    super(`${constructPath}: '${prop}' must be ${accepted}; received ${received}`);
    this.name = 'ValidationError';
    this.constructPath = constructPath;
    this.prop = prop;
    this.received = received;
    this.accepted = accepted;
    Object.setPrototypeOf(this, ValidationError.prototype);
  }
}

const VALIDATION_ERROR = Symbol.for('cdktf-integrations.ValidationError');
Object.defineProperty(ValidationError.prototype, VALIDATION_ERROR, { value: true });

/**
 * Helpers to recognise the errors this library throws.
 */
export class Errors {
  /**
   * Whether `x` is a validation error thrown by this library (a prop given a value it does
   * not accept).
   *
   * @param x any value, typically a caught error
   */
  public static isValidationError(x: any): boolean {
    return x !== null && typeof x === 'object' && (x as any)[VALIDATION_ERROR] === true;
  }

  private constructor() {}
}

/** Path of a construct as shown in error messages (the node path, or the id for a root). */
export function pathOf(scope: IConstruct): string {
  return scope.node.path || scope.node.id || '<root>';
}
