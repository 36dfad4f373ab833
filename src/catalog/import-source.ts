import * as fs from 'fs';
import { basename } from 'path';
import { IConstruct } from 'constructs';
import { describe as describeValue, fail, jsonDepth, MAX_JSON_DEPTH, Redacted } from '../core/private/validate';

/**
 * Where an exported definition (a Grafana dashboard, a Datadog dashboard, a Datadog monitor)
 * comes from: a JSON string, an already parsed object, or a JSON file read at synth time.
 *
 * The source is parsed with `JSON.parse` when the importing construct is created; a source
 * that is not valid JSON is a validation error of that construct.
 */
export class ImportSource {
  /**
   * A JSON document given as a string (e.g. the text of the UI's "Export → JSON").
   * @param json the JSON text
   */
  public static fromString(json: string): ImportSource {
    return new ImportSource('string', json);
  }

  /**
   * An already parsed JSON object.
   * @param definition the parsed object; it is deep-copied, never modified
   */
  public static fromObject(definition: { [key: string]: any }): ImportSource {
    return new ImportSource('object', definition);
  }

  /**
   * A JSON file, read (synchronously, UTF-8) when the importing construct is created.
   * @param path path of the file, relative to the working directory of the synthesis or absolute
   */
  public static fromFile(path: string): ImportSource {
    return new ImportSource('file', path);
  }

  /** `string`, `object` or `file`. */
  public readonly kind: string;

  private readonly input: unknown;

  private constructor(kind: string, input: unknown) {
    this.kind = kind;
    this.input = input;
  }

  /**
   * The file path for a file source.
   * @default - not a file source
   */
  public get filePath(): string | undefined {
    return this.kind === 'file' ? this.input as string : undefined;
  }

  /**
   * Read and parse the source. `label` names the document in error messages; `root` is the
   * name of the document in errors (with the file path as given), `display` its name in
   * warnings (with the file's base name only, so synthesized output does not depend on where
   * the file is).
   * @internal
   */
  public _load(scope: IConstruct, label: string): { readonly value: unknown; readonly root: string; readonly display: string } {
    if (this.kind === 'object') {
      requireDepth(scope, label, this.input);
      let copy: unknown;
      try {
        copy = JSON.parse(JSON.stringify(this.input));
      } catch {
        fail(scope, label, new Redacted('an object that JSON cannot represent'), 'a JSON object (no cycles, no BigInt)');
      }
      return { value: copy, root: label, display: label };
    }
    if (this.kind === 'file') {
      const path = this.input;
      if (typeof path !== 'string' || path.length === 0) fail(scope, `${label}.path`, path, 'the path of a readable JSON file');
      let text: string;
      try {
        text = fs.readFileSync(path, 'utf8');
      } catch (e) {
        fail(scope, `${label}.path`, path, `the path of a readable JSON file (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`);
      }
      return { value: requireDepth(scope, `${label}(${path})`, parse(scope, `${label}(${path})`, text)), root: `${label}(${path})`, display: `${label}(${basename(path)})` };
    }
    return { value: requireDepth(scope, label, parse(scope, label, this.input)), root: label, display: label };
  }
}

/**
 * Real exports nest a few levels deep; a document nested deeper than MAX_JSON_DEPTH would
 * overflow the stack of the recursive walks of the importers, so it is rejected up front.
 */
function requireDepth(scope: IConstruct, label: string, value: unknown): unknown {
  const depth = jsonDepth(value);
  if (depth > MAX_JSON_DEPTH) {
    fail(scope, label, new Redacted(`a document nested more than ${MAX_JSON_DEPTH} levels deep`), `a JSON document nested at most ${MAX_JSON_DEPTH} levels deep`);
  }
  return value;
}

function parse(scope: IConstruct, label: string, text: unknown): unknown {
  if (typeof text !== 'string') fail(scope, label, text, 'a JSON string');
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    fail(scope, label, new Redacted(`${text.length} characters starting ${describeValue(text.slice(0, 40))}`), `valid JSON (${reason})`);
  }
}
