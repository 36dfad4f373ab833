/**
 * What differs between the library's flavours, in one place: this package is built for the
 * cdktf toolkit; the CDK Terrain flavour's build replaces this file with the `toolkit` section of
 * `flavours/cdktn/flavour.json`. Code that depends on the toolkit reads `TOOLKIT`, never a
 * flavour name.
 */
export interface Toolkit {
  /** The toolkit's npm package (`cdktf`). */
  readonly name: string;
  /** This library's npm package for the toolkit. */
  readonly libraryPackage: string;
  /** The command that synthesizes an app (`npx cdktf synth`), as CI workflows run it. */
  readonly synthCommand: string;
  /**
   * Provider packages this flavour has no bindings for, each with the reason: the constructs
   * that need one fail with a synth-time error naming it (see `optionalPackage`).
   */
  readonly unavailableProviders: { readonly [pkg: string]: string };
  /**
   * Arguments of Terraform resources the flavour's provider bindings no longer have, by resource
   * type: importers report them as unsupported instead of dropping them silently.
   */
  readonly droppedArguments: { readonly [resourceType: string]: readonly string[] };
}

/** The cdktf flavour. */
export const TOOLKIT: Toolkit = {
  name: 'cdktf',
  libraryPackage: 'cdktf-integrations',
  synthCommand: 'npx cdktf synth',
  unavailableProviders: {},
  droppedArguments: {},
};

/** Whether the flavour's bindings of `resourceType` have `argument`. */
export function hasArgument(resourceType: string, argument: string): boolean {
  return !(TOOLKIT.droppedArguments[resourceType] ?? []).includes(argument);
}
