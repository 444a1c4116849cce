/**
 * Scaling laws from data/laws.yaml (the presets) or from a user's YAML file (`--law my-law.yaml`),
 * which has the same fields as one preset entry.
 */
import { existsSync } from 'node:fs';
import type { ScalingLaw } from '../core/scaling-law.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../util/suggest.js';
import { readShippedYaml } from './data-files.js';
import { parseFileQuantity, quoteUserText, type Range } from './numbers.js';
import { readYamlFile, YamlReader, type YamlPath } from './yaml-source.js';

const CHINCHILLA_KEYS = ['E', 'A', 'B', 'alpha', 'beta'] as const;
const KAPLAN_KEYS = ['alphaN', 'alphaD', 'Nc', 'Dc'] as const;
const INFO_KEYS = ['name', 'form', 'source', 'note', 'fit'];
const LAW_KEYS = [...INFO_KEYS, ...CHINCHILLA_KEYS, ...KAPLAN_KEYS];

const COEFFICIENT: Range = { min: 0, exclusiveMin: true, max: 1e30, what: 'a positive coefficient', example: '406.4' };
const EXPONENT: Range = { min: 0, exclusiveMin: true, max: 10, what: 'a positive exponent', example: '0.34' };
const IRREDUCIBLE: Range = { min: 0, max: 100, what: 'an irreducible loss in nats', example: '1.69' };
const RANGES: Record<string, Range> = {
  E: IRREDUCIBLE,
  A: COEFFICIENT,
  B: COEFFICIENT,
  alpha: EXPONENT,
  beta: EXPONENT,
  alphaN: EXPONENT,
  alphaD: EXPONENT,
  Nc: COEFFICIENT,
  Dc: COEFFICIENT,
};

/** Validates one law mapping at `path` (a preset entry or a whole user file). */
export function readLaw(reader: YamlReader, path: YamlPath, id: string): ScalingLaw {
  const raw = reader.mapping(path, LAW_KEYS);
  const form = raw.form ?? 'chinchilla';
  if (form !== 'chinchilla' && form !== 'kaplan') reader.fail([...path, 'form'], `unknown form ${JSON.stringify(form)}; use chinchilla or kaplan`);
  const keys = form === 'chinchilla' ? CHINCHILLA_KEYS : KAPLAN_KEYS;
  const other = form === 'chinchilla' ? KAPLAN_KEYS : CHINCHILLA_KEYS;
  for (const key of other) {
    if (raw[key] !== undefined) reader.fail([...path, key], `"${key}" belongs to the ${form === 'chinchilla' ? 'kaplan' : 'chinchilla'} form; this law has form ${form}`);
  }
  const value = (key: string): number => {
    if (raw[key] === undefined || raw[key] === null) reader.fail(path, `missing "${key}" (a ${form} law needs ${keys.join(', ')})`);
    return parseFileQuantity(raw[key], RANGES[key]!, { file: reader.source.file, line: reader.source.lineOf([...path, key]), field: key });
  };
  const info = {
    id,
    source: reader.optionalString([...path, 'source']) ?? `user file ${reader.source.file}`,
    ...(raw.note !== undefined ? { note: reader.string([...path, 'note']) } : {}),
  };
  if (form === 'chinchilla') {
    return { form, ...info, E: value('E'), A: value('A'), B: value('B'), alpha: value('alpha'), beta: value('beta') };
  }
  return { form, ...info, alphaN: value('alphaN'), alphaD: value('alphaD'), Nc: value('Nc'), Dc: value('Dc') };
}

export interface LawPresets {
  defaultId: string;
  presets: Map<string, ScalingLaw>;
}

let cachedPresets: LawPresets | undefined;

/** The presets shipped in data/laws.yaml. */
export function loadLawPresets(): LawPresets {
  if (cachedPresets) return cachedPresets;
  const reader = new YamlReader(readShippedYaml('laws.yaml'));
  reader.mapping([], ['default', 'presets'], ['default', 'presets']);
  const entries = reader.mapping(['presets'], Object.keys(reader.at(['presets']) ?? {}));
  const presets = new Map(Object.keys(entries).map((id) => [id, readLaw(reader, ['presets', id], id)] as const));
  const defaultId = reader.string(['default']);
  if (!presets.has(defaultId)) reader.fail(['default'], `names no preset: ${defaultId}`);
  return (cachedPresets = { defaultId, presets });
}

/** A law file written by a user (or by `emerge fit --output`). */
export function readLawFile(file: string): ScalingLaw {
  const reader = new YamlReader(readYamlFile(file));
  const name = reader.at(['name']);
  return readLaw(reader, [], typeof name === 'string' && name.trim() !== '' ? name : file);
}

/**
 * `--law NAME|FILE`: a preset name, else a YAML file. Undefined gives the default preset
 * (besiroglu2024).
 */
export function resolveLaw(spec: string | undefined, flag = '--law'): ScalingLaw {
  if (spec !== undefined && !loadLawPresets().presets.has(spec) && (spec === '-' || /\.ya?ml$/i.test(spec) || existsSync(spec))) return readLawFile(spec);
  return presetLaw(spec, flag, '; or give a YAML file');
}

/**
 * The preset called `name` (the default preset without one).
 * @throws UsageError naming `flag`, with close matches and the list of presets (then `hint`)
 */
export function presetLaw(name: string | undefined, flag: string, hint = ''): ScalingLaw {
  const { defaultId, presets } = loadLawPresets();
  const law = presets.get(name ?? defaultId);
  if (law) return law;
  const names = [...presets.keys()];
  throw new UsageError(`${flag}: unknown preset ${quoteUserText(String(name))}${didYouMean(String(name), names)}; presets: ${names.join(', ')}${hint}`);
}
