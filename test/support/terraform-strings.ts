/**
 * Terraform template strings in synthesized JSON: the `${ … }` interpolations of a string, found
 * with their nesting and the string literals inside them (`${lower(split("/", x))}`), and `$${`
 * escapes left alone.
 */

/** `text` with each interpolation replaced by what `replace` returns for it (the whole `${…}`). */
export function mapInterpolations(text: string, replace: (interpolation: string) => string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '$' && text[i + 1] === '$' && text[i + 2] === '{') {
      out += '$${';
      i += 3;
      continue;
    }
    if (text[i] !== '$' || text[i + 1] !== '{') {
      out += text[i++];
      continue;
    }
    let depth = 1;
    let j = i + 2;
    let inString = false;
    while (j < text.length && depth > 0) {
      const c = text[j];
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') {inString = true;} else if (c === '{') {depth++;} else if (c === '}') {depth--;}
      j++;
    }
    out += replace(text.slice(i, j));
    i = j;
  }
  return out;
}
