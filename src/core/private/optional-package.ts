/**
 * Loading a provider package that is an optional peer dependency, on first use: the library
 * loads without it, and only the construct that needs it asks for it, with an error saying what
 * to install.
 */

import { TOOLKIT } from './toolkit';

/**
 * A loader of `<pkg>/lib/<module>`; a missing package is an error naming `who` needs it and the
 * npm and Python packages to install. In a flavour with no bindings of `pkg` (the toolkit's
 * `unavailableProviders`), the error says so whether a package is installed or not: the bindings
 * of another toolkit would fail inside this one's app.
 */
export function optionalPackage(pkg: string, version: string, pythonDistribution: string, who: string): <T>(module: string) => T {
  return <T>(module: string): T => {
    const unavailable = TOOLKIT.unavailableProviders[pkg];
    if (unavailable !== undefined) {
      throw new Error(`${who} is not available in ${TOOLKIT.libraryPackage} (the ${TOOLKIT.name} flavour): ${unavailable}, `
        + `and the bindings of ${pkg} work only in cdktf apps (with cdktf-integrations)`);
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(`${pkg}/lib/${module}`) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException)?.code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes(pkg)) {
        throw new Error(`${who} needs the ${pkg} package: npm install ${pkg}@${version} (in Python: pip install ${pythonDistribution})`);
      }
      throw e;
    }
  };
}
