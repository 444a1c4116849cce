/**
 * Reading YAML written by people (laws, ability catalogs, plans, scenarios) with errors that name
 * the file and line. One document per file; aliases limited (no "billion laughs"); no custom tags;
 * duplicate keys rejected; `__proto__` and `constructor` keys never reach an object prototype.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { InputError } from '../errors.js';
import { didYouMean } from '../util/suggest.js';

export type YamlPath = readonly (string | number)[];

/** A parsed YAML document plus what is needed to say where a value came from. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** 1-based line of the node at `path`, or of the nearest parent that exists. */
  lineOf(path: YamlPath): number | undefined;
}

/** Reads and parses a YAML file ("-" reads stdin); a missing or unreadable file is an InputError. */
export function readYamlFile(file: string): YamlSource {
  const name = file === '-' ? 'stdin' : file;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new InputError(name, undefined, describeReadError(error));
  }
  return parseYaml(text, name);
}

export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return `cannot be read (${code ?? String(error)})`;
}

/** Parses YAML text (`file` names it in messages). */
export function parseYaml(text: string, file: string): YamlSource {
  if (text.includes('\ufffd')) throw new InputError(file, undefined, 'is not valid UTF-8 text');
  const lineCounter = new LineCounter();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(body, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, customTags: [] });
  const lineAt = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  // Warnings (an unresolved tag such as !!js/function) are treated as errors: nothing is guessed.
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const detail = problem.code === 'MULTIPLE_DOCS' ? 'holds several YAML documents; give one document per file' : `invalid YAML: ${firstLine(problem.message)}`;
    throw new InputError(file, lineAt(problem.pos[0]), detail);
  }
  const unsafe = findUnsafeNode(doc.contents);
  if (unsafe) throw new InputError(file, lineAt(unsafe.node.range?.[0]), unsafe.reason);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new InputError(file, undefined, `invalid YAML: ${firstLine((error as Error).message)}`);
  }
  return {
    file,
    value,
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
        if (node && typeof node === 'object' && 'range' in node && node.range) return lineAt(node.range[0]);
      }
      return undefined;
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys that could reach an object prototype, and tags other than the core schema's. */
function findUnsafeNode(node: unknown): { node: Node; reason: string } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && FORBIDDEN_KEYS.has(key)) return { node: pair.key as Node, reason: `the key "${key}" is not allowed` };
      const found = findUnsafeNode(pair.key) ?? findUnsafeNode(pair.value);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const found = findUnsafeNode(item);
      if (found) return found;
    }
  }
  if (node && typeof node === 'object' && 'tag' in node) {
    const tag = (node as { tag?: string }).tag;
    if (tag && !tag.startsWith('tag:yaml.org,2002:')) return { node: node as Node, reason: `the YAML tag ${tag} is not supported` };
  }
  return undefined;
}

/**
 * Helpers for validating a parsed YAML value with messages that name file, line and key.
 */
export class YamlReader {
  constructor(readonly source: YamlSource) {}

  fail(path: YamlPath, detail: string): never {
    const where = path.length > 0 ? `${formatPath(path)}: ` : '';
    throw new InputError(this.source.file, this.source.lineOf(path), `${where}${detail}`);
  }

  at(path: YamlPath): unknown {
    let value: unknown = this.source.value;
    for (const key of path) {
      if (value === null || typeof value !== 'object') return undefined;
      value = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
    }
    return value;
  }

  /** The mapping at `path`, after checking it has only `allowed` keys (and all `required` ones). */
  mapping(path: YamlPath, allowed: readonly string[], required: readonly string[] = []): Record<string, unknown> {
    const value = this.at(path);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, `expected a mapping of ${allowed.join(', ')}`);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.fail([...path, key], `unknown key "${key}"${didYouMean(key, allowed)}; allowed: ${allowed.join(', ')}`);
    }
    for (const key of required) {
      if (record[key] === undefined || record[key] === null) this.fail(path, `missing "${key}"`);
    }
    return record;
  }

  sequence(path: YamlPath): unknown[] {
    const value = this.at(path);
    if (!Array.isArray(value)) this.fail(path, 'expected a list');
    return value;
  }

  string(path: YamlPath): string {
    const value = this.at(path);
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, 'expected a non-empty text');
    if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(value)) this.fail(path, 'the text holds a control character');
    return value;
  }

  optionalString(path: YamlPath): string | undefined {
    return this.at(path) === undefined ? undefined : this.string(path);
  }
}

export function formatPath(path: YamlPath): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}
