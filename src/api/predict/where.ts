/**
 * Where a setting came from, so that a problem with it is reported in the right terms: a flag
 * (UsageError, exit 2) or a line of a file (InputError, exit 1).
 */
import { InputError, UsageError } from '../../errors.js';

export interface Where {
  /** How to name a field in a message: "--d-model" for flags, "d_model" for files. */
  name(field: SettingField): string;
  fail(message: string): never;
}

export type SettingField = 'params' | 'tokens' | 'compute' | 'model' | 'layers' | 'dModel' | 'vocab' | 'quality' | 'name';

const FLAG_NAMES: Record<SettingField, string> = {
  params: '--params',
  tokens: '--tokens',
  compute: '--compute',
  model: '--model',
  layers: '--layers',
  dModel: '--d-model',
  vocab: '--vocab',
  quality: '--quality',
  name: 'name',
};

const FILE_NAMES: Record<SettingField, string> = { ...FLAG_NAMES, params: 'params', tokens: 'tokens', compute: 'compute', model: 'model', layers: 'layers', dModel: 'd_model', vocab: 'vocab', quality: 'quality' };

export const fromFlags: Where = {
  name: (field) => FLAG_NAMES[field],
  fail(message) {
    throw new UsageError(message);
  },
};

/** A line of a file (a config entry, a CSV row). A class, not closures: a batch makes millions. */
class FileWhere implements Where {
  constructor(
    private readonly file: string,
    private readonly line: number | undefined,
  ) {}

  name(field: SettingField): string {
    return FILE_NAMES[field];
  }

  fail(message: string): never {
    throw new InputError(this.file, this.line, message);
  }
}

export function fromFile(file: string, line: number | undefined): Where {
  return new FileWhere(file, line);
}
