/**
 * The zsh completion script (`source <(emerge completion zsh)` after compinit, or saved as `_emerge`
 * on $fpath): `_arguments` specs per subcommand, built from the same model as bash's.
 */
import type { CompletedFlag, CompletionModel } from './model.js';
import { plainWords, shortDescription, singleQuoted } from './quote.js';

/** _arguments specs treat []: and \ as syntax: escape them in descriptions. */
const escapeSpec = (text: string): string => text.replace(/[\\[\]:]/g, (c) => `\\${c}`);

export function zshScript(model: CompletionModel): string {
  const commands = model.commands.map((c) => `    ${singleQuoted(`${c.name}:${escapeSpec(shortDescription(c.summary))}`)}`);
  const cases = model.commands.map((command) => {
    const specs = command.flags.map((f) => `        ${singleQuoted(flagSpec(f))}`);
    const words = plainWords(command.argumentWords);
    if (words.length > 0) specs.push(`        ${singleQuoted(`1:shell:(${words.join(' ')})`)}`);
    else if (command.argumentFiles) specs.push(`        ${singleQuoted('1:file:_files')}`);
    return [`      ${command.name})`, `        _arguments -s \\`, specs.join(' \\\n'), `        ;;`].join('\n');
  });
  return `#compdef ${model.program}
# zsh completion for ${model.program}. Load it in this shell (after compinit):  source <(${model.program} completion zsh)
# or save it as _${model.program} in a directory of $fpath.

# _emerge_list WORD...: complete one item of a comma-separated list of WORDs.
_emerge_list() {
  local -a items
  items=("$@")
  _values -s , 'item' $items
}

_emerge() {
  local -a commands
  commands=(
${commands.join('\n')}
  )
  local state
  _arguments -C \\
    '(- *)'{-h,--help}'[display help]' \\
    '(- *)'{-V,--version}'[output the version number]' \\
    '1: :->command' \\
    '*:: :->argument'
  case $state in
    command)
      _describe 'command' commands
      ;;
    argument)
      case $words[1] in
${cases.join('\n')}
      esac
      ;;
  esac
}

if (( $+functions[compdef] )); then
  compdef _emerge ${model.program}
fi
`;
}

function flagSpec(flag: CompletedFlag): string {
  const description = `[${escapeSpec(shortDescription(flag.description))}]`;
  if (!flag.takesValue) return `${flag.flag}${description}`;
  const words = plainWords(flag.words);
  const name = flag.flag.slice(2);
  let action = ' ';
  if (flag.list && words.length > 0) action = `_emerge_list ${words.join(' ')}`;
  else if (words.length > 0 && flag.files) action = `_alternative 'words:${name}:(${words.join(' ')})' 'files:file:_files'`;
  else if (words.length > 0) action = `(${words.join(' ')})`;
  else if (flag.files) action = '_files';
  return `${flag.flag}${description}:${name}:${action}`;
}
