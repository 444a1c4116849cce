/**
 * The bash completion script (`source <(emerge completion bash)`): a function `_emerge` registered
 * with `complete -F`. It completes the subcommand at position 1; then, after a flag that takes a
 * value, that value (choices, presets, ids after the last comma of a list, slugs, files); after a
 * dash, the flags of the subcommand; else the positional file.
 */
import type { CompletedFlag, CompletionModel } from './model.js';
import { plainWords, singleQuoted } from './quote.js';

export function bashScript(model: CompletionModel): string {
  const top = [...model.commands.map((c) => c.name), ...model.globalFlags.flatMap((f) => [f.flag, ...(f.short ? [f.short] : [])])];
  const cases = model.commands.map((command) => {
    const values = command.flags.filter((f) => f.takesValue).map((f) => `        ${f.flag}) ${valueAction(f)} ;;`);
    const argument = command.argumentWords.length > 0 ? `_emerge_reply ${singleQuoted(plainWords(command.argumentWords).join(' '))} 0 0` : `_emerge_reply '' ${command.argumentFiles ? 1 : 0} 0`;
    return [
      `    ${command.name})`,
      `      case "$prev" in`,
      ...values,
      `      esac`,
      `      if [[ "$cur" == -* ]]; then _emerge_reply ${singleQuoted(command.flags.map((f) => f.flag).join(' '))} 0 0; else ${argument}; fi`,
      `      ;;`,
    ].join('\n');
  });
  return `# bash completion for ${model.program}. Load it in this shell:  source <(${model.program} completion bash)
# or for every shell:  ${model.program} completion bash > ~/.local/share/bash-completion/completions/${model.program}

# _emerge_reply WORDS FILES LIST: offer WORDS (and file names when FILES is 1) for the current word;
# with LIST 1, complete the item after the last comma of a comma-separated list.
_emerge_reply() {
  local prefix="" item="$cur"
  if [[ "$3" == 1 && "$cur" == *,* ]]; then prefix="\${cur%,*},"; item="\${cur##*,}"; fi
  COMPREPLY=( $(compgen -P "$prefix" -W "$1" -- "$item") )
  if [[ "$2" == 1 ]]; then
    COMPREPLY+=( $(compgen -f -- "$cur") )
    compopt -o filenames 2>/dev/null
  fi
  return 0
}

_emerge() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev=""
  (( COMP_CWORD > 0 )) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  if (( COMP_CWORD == 1 )); then
    _emerge_reply ${singleQuoted(top.join(' '))} 0 0
    return 0
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
  return 0
}

complete -F _emerge ${model.program}
`;
}

/** What to offer after a flag that takes a value: its words and files, or nothing to guess. */
function valueAction(flag: CompletedFlag): string {
  return `_emerge_reply ${singleQuoted(plainWords(flag.words).join(' '))} ${flag.files ? 1 : 0} ${flag.list ? 1 : 0}; return 0`;
}
