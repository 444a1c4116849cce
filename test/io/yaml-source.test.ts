import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseYaml, YamlReader } from '../../src/io/yaml-source.js';

function errorOf(text: string): string {
  try {
    parseYaml(text, 'f.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('parseYaml', () => {
  it('reads numbers in YAML 1.2 form (1e10, 3.0e11)', () => {
    expect(parseYaml('a: 1e10\nb: 3.0e11\n', 'f.yaml').value).toEqual({ a: 1e10, b: 3e11 });
  });

  it('reports the line of the node at a path', () => {
    const source = parseYaml('a: 1\nb:\n  c: [1, 2]\n', 'f.yaml');
    expect(source.lineOf(['b', 'c'])).toBe(3);
    expect(source.lineOf(['b', 'missing'])).toBe(3); // a missing key points at its mapping
  });

  it.each([
    ['a: 1\na: 2\n', 'f.yaml:2: invalid YAML: Map keys must be unique'],
    ['a: [1, 2\n', 'f.yaml:2: invalid YAML'],
    ['a: 1\n---\nb: 2\n', 'holds several YAML documents'],
    ['a: !custom 3\n', 'Unresolved tag: !custom'],
    ['a: !!js/function "x"\n', 'Unresolved tag'],
    ['__proto__: {polluted: 1}\n', 'f.yaml:1: the key "__proto__" is not allowed'],
    ['x:\n  constructor: 1\n', 'f.yaml:2: the key "constructor" is not allowed'],
    ['a: \ufffd\n', 'not valid UTF-8'],
  ])('rejects %j', (text, message) => expect(errorOf(text)).toContain(message));

  it('stops alias bombs ("billion laughs")', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    expect(errorOf(`${bomb.join('\n')}\n`)).toContain('resource exhaustion');
  });
});

describe('YamlReader', () => {
  it('suggests the key that was meant', () => {
    const reader = new YamlReader(parseYaml('law:\n  form: chinchilla\n  alhpa: 3\n', 'l.yaml'));
    expect(() => reader.mapping(['law'], ['form', 'alpha', 'beta'])).toThrow('l.yaml:3: law.alhpa: unknown key "alhpa" (did you mean alpha?)');
  });
});
