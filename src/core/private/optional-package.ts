/**
 * Loading a provider package that is an optional peer dependency, on first use: the library
 * loads without it, and only the construct that needs it asks for it, with an error saying what
 * to install.
 */

/**
 * A loader of `<pkg>/lib/<module>`; a missing package is an error naming `who` needs it and the
 * npm and Python packages to install.
 */
export function optionalPackage(pkg: string, version: string, pythonDistribution: string, who: string): <T>(module: string) => T {
  return <T>(module: string): T => {
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
