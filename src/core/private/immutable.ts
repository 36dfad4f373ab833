/**
 * Makes every own property of a value object read-only and non-configurable, the way
 * `Object.freeze` would, but leaves the object extensible: the jsii kernel, which carries these
 * objects to Python, Java, .NET and Go, tags each object it hands out with a hidden property,
 * and a frozen object cannot take it ("object is not extensible").
 */
export function makeImmutable(value: object): void {
  for (const key of Reflect.ownKeys(value)) {
    Object.defineProperty(value, key, { writable: false, configurable: false });
  }
}
