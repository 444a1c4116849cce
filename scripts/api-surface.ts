// The library's public surface as its declarations state it: every name src/api/index.ts exports,
// followed through re-exports and imports to the module that declares it, with the declaration's
// text and TSDoc. Read from the .d.ts files tsc emits (tsconfig.api.json, into a scratch directory),
// which keep the comments; a small reader of declaration files, enough for what tsc writes.
// Used by scripts/make-api-docs.ts (docs/api.md) and scripts/make-api-contract.ts (api-contract.json).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A TSDoc comment, by tag. */
export interface Doc {
  description: string;
  params: { name: string; text: string }[];
  returns?: string;
  throws: string[];
  examples: string[];
}

/** A field, method or constructor of an interface or class. */
export interface ApiMember {
  /** Its declaration, comments left out, on one line. */
  text: string;
  doc?: Doc;
  /** The interface it is inherited from, when it is. */
  from?: string;
}

export type SymbolKind = 'function' | 'class' | 'interface' | 'type' | 'const' | 'enum' | 'namespace';

export interface ApiSymbol {
  /** The name it is exported as. */
  name: string;
  kind: SymbolKind;
  /** A value export (a function, class, constant): not only a type. */
  value: boolean;
  /** The declaring module, as its source (src/api/law.ts). */
  source: string;
  /** Its declarations (several for an overloaded function), without `export declare`. */
  declarations: string[];
  doc?: Doc;
  /** Interface and class members, own first, then inherited ones. */
  members: ApiMember[];
}

interface Statement {
  doc?: string;
  text: string;
}

const BLOCK = /^(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:interface|class|enum|namespace|module)\b/;
const DECLARATION = /^(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(function|class|interface|type|const|let|var|enum|namespace)\s+([A-Za-z_$][\w$]*)/;
const VALUE_KINDS = new Set(['function', 'class', 'const', 'enum', 'namespace']);

/** The statements of declaration text (a file, or the body of an interface), each with the TSDoc before it. */
function statements(source: string): Statement[] {
  const out: Statement[] = [];
  let doc: string | undefined;
  let start = -1;
  let depth = 0;
  for (let i = 0; i < source.length; ) {
    if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2) + 2;
      if (start < 0) doc = source.startsWith('/**', i) ? source.slice(i, end) : doc;
      i = end;
      continue;
    }
    if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
      continue;
    }
    const c = source[i]!;
    if (start < 0 && /\s/.test(c)) {
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
      i++;
      continue;
    }
    if ('{(['.includes(c)) depth++;
    else if ('})]'.includes(c)) depth--;
    const ends = depth === 0 && (c === ';' || (c === '}' && BLOCK.test(source.slice(start, i))));
    i++;
    if (ends || (i >= source.length && source.slice(start).trim())) {
      out.push({ doc, text: source.slice(start, i).trim() });
      doc = undefined;
      start = -1;
    }
  }
  return out;
}

/** The tags of a TSDoc comment. */
export function parseDoc(comment: string): Doc {
  const lines = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''));
  const blocks: { tag: string; text: string }[] = [{ tag: '', text: '' }];
  for (const line of lines) {
    const tag = /^@(\w+)\s?(.*)$/.exec(line.trim());
    if (tag) blocks.push({ tag: tag[1]!, text: tag[2]! });
    else blocks.at(-1)!.text += `\n${line}`;
  }
  const doc: Doc = { description: blocks[0]!.text.trim(), params: [], throws: [], examples: [] };
  for (const { tag, text } of blocks.slice(1)) {
    const value = text.trim();
    if (tag === 'param') {
      const [, name, rest] = /^(\S+)\s*(?:-\s*)?([\s\S]*)$/.exec(value) ?? [];
      doc.params.push({ name: name ?? '', text: (rest ?? '').trim() });
    } else if (tag === 'returns' || tag === 'return') doc.returns = value;
    else if (tag === 'throws') doc.throws.push(value);
    else if (tag === 'example') doc.examples.push(value);
  }
  return doc;
}

interface Specifier {
  name: string;
  as: string;
  typeOnly: boolean;
}

function specifiers(list: string, typeOnly: boolean): Specifier[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [, type, name, as] = /^(type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(s) ?? [];
      if (!name) throw new Error(`api-surface: cannot read the specifier "${s}"`);
      return { name, as: as ?? name, typeOnly: typeOnly || Boolean(type) };
    });
}

/** The declaration files of one emit, read once each. */
class Declarations {
  private readonly files = new Map<string, Statement[]>();
  constructor(readonly dir: string) {}

  statements(file: string): Statement[] {
    let parsed = this.files.get(file);
    if (!parsed) this.files.set(file, (parsed = statements(readFileSync(file, 'utf8'))));
    return parsed;
  }

  /** The .d.ts of a module specifier written in `file`; undefined for a package. */
  target(file: string, specifier: string): string | undefined {
    return specifier.startsWith('.') ? resolve(dirname(file), specifier.replace(/\.js$/, '.d.ts')) : undefined;
  }

  /** The names `file` exports: exported name → where it is declared (file, local name) and whether only as a type. */
  exports(file: string): { as: string; file: string; name: string; typeOnly: boolean }[] {
    return this.statements(file).flatMap(({ text }) => {
      const list = /^export\s+(type\s+)?\{([^}]*)\}\s*(?:from\s+['"]([^'"]+)['"])?/.exec(text);
      if (list) {
        const from = list[3] === undefined ? file : this.target(file, list[3]);
        if (!from) throw new Error(`api-surface: ${file} re-exports the package ${list[3]}, which the reference cannot follow`);
        return specifiers(list[2]!, Boolean(list[1])).map((s) => ({ as: s.as, file: from, name: s.name, typeOnly: s.typeOnly }));
      }
      const star = /^export\s+\*\s+from\s+['"]([^'"]+)['"]/.exec(text);
      if (star) return this.exports(this.target(file, star[1]!)!);
      const declared = text.startsWith('export ') ? DECLARATION.exec(text) : null;
      return declared ? [{ as: declared[2]!, file, name: declared[2]!, typeOnly: false }] : [];
    });
  }

  /** The declaring file and statements of `name` as `file` sees it (declared there, imported or re-exported). */
  declaration(file: string, name: string): { file: string; statements: Statement[] } {
    const own = this.statements(file).filter(({ text }) => DECLARATION.exec(text)?.[2] === name);
    if (own.length > 0) return { file, statements: own };
    for (const { text } of this.statements(file)) {
      const link = /^(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s+['"]([^'"]+)['"]/.exec(text);
      const spec = link && specifiers(link[1]!, false).find((s) => s.as === name);
      const target = spec && this.target(file, link[2]!);
      if (spec && target) return this.declaration(target, spec.name);
      const star = /^export\s+\*\s+from\s+['"]([^'"]+)['"]/.exec(text);
      if (star && this.exports(this.target(file, star[1]!)!).some((e) => e.as === name)) return this.declaration(this.target(file, star[1]!)!, name);
    }
    throw new Error(`api-surface: cannot find the declaration of ${name} from ${relative(this.dir, file)}`);
  }

  /** An interface's or class's members, own ones first, then those of what it extends. */
  members(file: string, statement: Statement, seen = new Set<string>()): ApiMember[] {
    const open = statement.text.indexOf('{');
    if (open < 0 || !BLOCK.test(statement.text)) return [];
    const own = statements(statement.text.slice(open + 1, statement.text.lastIndexOf('}'))).map((m) => ({
      text: m.text.replace(/\s+/g, ' ').replace(/;$/, ''),
      ...(m.doc ? { doc: parseDoc(m.doc) } : {}),
    }));
    const bases = /\bextends\s+([^{]+?)(?:\bimplements\b|$)/.exec(statement.text.slice(0, open))?.[1] ?? '';
    const inherited = bases
      .split(',')
      .map((b) => b.trim().replace(/<.*$/, ''))
      .filter((b) => /^[\w$]+$/.test(b) && !seen.has(b))
      .flatMap((base) => {
        seen.add(base);
        try {
          const found = this.declaration(file, base);
          return found.statements.flatMap((s) => this.members(found.file, s, seen)).map((m) => ({ ...m, from: m.from ?? base }));
        } catch {
          return []; // a global (Error) or a package's type: not listed
        }
      });
    return [...own, ...inherited];
  }
}

/** tsc's declarations of the API (tsconfig.api.json), written to a scratch directory; `read` gets it. */
export function withDeclarations<T>(read: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'emerge-api-d-ts-'));
  try {
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.api.json', '--outDir', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    return read(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every name src/api/index.ts exports, in its order, with its declaration and TSDoc. */
export function apiSymbols(): ApiSymbol[] {
  return withDeclarations((dir) => {
    const d = new Declarations(dir);
    return d.exports(join(dir, 'api', 'index.d.ts')).map(({ as, file, name, typeOnly }) => {
      const found = d.declaration(file, name);
      const kind = DECLARATION.exec(found.statements[0]!.text)![1]!.replace(/^(let|var)$/, 'const') as SymbolKind;
      const documented = found.statements.find((s) => s.doc);
      return {
        name: as,
        kind,
        value: VALUE_KINDS.has(kind) && !typeOnly,
        source: relative(dir, found.file).replace(/\.d\.ts$/, '.ts').replace(/^/, 'src/'),
        declarations: found.statements.map((s) => s.text.replace(/^export\s+/, '').replace(/^declare\s+/, '')),
        ...(documented ? { doc: parseDoc(documented.doc!) } : {}),
        members: found.statements.flatMap((s) => d.members(found.file, s)),
      };
    });
  });
}
