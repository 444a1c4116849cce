/**
 * Which columns of the input mean what (`--columns role=Header,...`), and from that, which kind of
 * fit the file asks for: a loss column means training runs (a scaling law), a score column means
 * task scores (emergence curves).
 */
import { InputError, UsageError } from '../../errors.js';
import { findColumns } from '../../io/csv-input.js';
import { quoteUserText } from '../../io/numbers.js';
import { findScoreColumns } from '../../io/score-columns.js';
/** The kinds of fit: a scaling law, emergence curves, a forecast. */
export type FitKind = 'law' | 'curve' | 'forecast';
import { didYouMean } from '../../util/suggest.js';

export const LAW_ROLES = ['params', 'tokens', 'compute', 'loss'] as const;
export const CURVE_ROLES = ['task', 'subtask', 'metric', 'model', 'score', 'baseline', 'params', 'tokens', 'compute'] as const;
export const FORECAST_ROLES = [...CURVE_ROLES, 'loss', 'step'] as const;
const ALL_ROLES = [...new Set([...LAW_ROLES, ...FORECAST_ROLES])];
const ROLES: Record<FitKind, readonly string[]> = { law: LAW_ROLES, curve: CURVE_ROLES, forecast: FORECAST_ROLES };

/** A role of `--columns`: params, tokens, compute, loss (law); task, subtask, metric, model, score, baseline (curve); step (forecast). */
export type ColumnRole = (typeof ALL_ROLES)[number];

/**
 * Which column holds what: `--columns` text ("params=Model Size,loss=Final Loss"), or the same as an
 * object ({ params: 'Model Size', loss: 'Final Loss' }); header names match case-insensitively.
 */
export type ColumnMap = string | Partial<Record<ColumnRole, string>>;

/**
 * `--columns params=Model Size,loss=Final Loss` → { params: 'Model Size', loss: 'Final Loss' }; an
 * object is checked the same way.
 * @throws UsageError on a malformed pair, an unknown role or a role given twice
 */
export function parseColumnMap(columns: ColumnMap | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  if (columns === undefined) return map;
  const pairs: [string, unknown, string][] =
    typeof columns === 'string'
      ? columns.split(',').map((pair) => {
          const at = pair.indexOf('=');
          return [at < 0 ? '' : pair.slice(0, at), pair.slice(at + 1), pair];
        })
      : Object.entries(columns).map(([role, name]) => [role, name, `${role}=${String(name)}`]);
  for (const [rawRole, rawName, pair] of pairs) {
    const role = rawRole.trim().toLowerCase();
    const name = typeof rawName === 'string' ? rawName.trim() : '';
    if (role === '' || name === '') {
      throw new UsageError(`--columns: ${quoteUserText(pair)} is not role=Header; e.g. --columns "params=Model Size,loss=Final Loss"`);
    }
    if (!(ALL_ROLES as readonly string[]).includes(role)) throw new UsageError(`--columns: unknown role ${quoteUserText(role)}${didYouMean(role, ALL_ROLES)}; roles: ${ALL_ROLES.join(', ')}`);
    if (map[role] !== undefined) throw new UsageError(`--columns: ${role} is given twice`);
    map[role] = name;
  }
  return map;
}

/**
 * The kind of fit: `--kind` if given, else from the header (a loss column → law, a score column →
 * curve, both → forecast). Checks that every role of `--columns` belongs to that kind and names a
 * column of the file.
 * @throws UsageError when a role does not fit the kind; InputError (line 1) when neither column is
 *   there or a --columns name is not in the header
 */
export function decideKind(file: string, header: readonly string[], explicit: Record<string, string>, kind: FitKind | undefined): FitKind {
  const lower = header.map((h) => h.toLowerCase());
  for (const [role, name] of Object.entries(explicit)) {
    if (!lower.includes(name.toLowerCase())) {
      throw new InputError(file, 1, `--columns ${role}=${quoteUserText(name)}: no such column in the header ${quoteUserText(header.join(','))}${didYouMean(name, header)}`);
    }
  }
  const loss = findColumns(header, ['loss'], explicit).loss;
  const score = findScoreColumns(header, explicit).score;
  let decided = kind;
  if (decided === undefined) {
    if (loss === undefined && score === undefined) {
      throw new InputError(file, 1, `no loss column (training runs, for a scaling law) and no score column (task scores, for emergence curves) in the header ${quoteUserText(header.join(','))}; name one with --columns loss=... or --columns score=...`);
    }
    decided = loss !== undefined && score !== undefined ? 'forecast' : loss !== undefined ? 'law' : 'curve';
  }
  const roles = ROLES[decided];
  for (const role of Object.keys(explicit)) {
    if (!roles.includes(role)) throw new UsageError(`--columns: ${role} is not a column of a ${decided} fit (its roles: ${roles.join(', ')})`);
  }
  return decided;
}
