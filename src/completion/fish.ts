/**
 * The fish completion script (`emerge completion fish | source`, or saved in
 * ~/.config/fish/completions/emerge.fish): one `complete` line per subcommand and flag.
 */
import type { CompletionModel } from './model.js';
import { plainWords, shortDescription, singleQuoted } from './quote.js';

export function fishScript(model: CompletionModel): string {
  const p = model.program;
  const names = model.commands.map((c) => c.name).join(' ');
  const lines = [
    `# fish completion for ${p}. Load it in this shell:  ${p} completion fish | source`,
    `# or save it as ~/.config/fish/completions/${p}.fish`,
    `complete -c ${p} -f`,
    `complete -c ${p} -n '__fish_use_subcommand' -s h -l help -d 'display help'`,
    `complete -c ${p} -n '__fish_use_subcommand' -s V -l version -d 'output the version number'`,
  ];
  for (const command of model.commands) {
    const when = `-n ${singleQuoted(`__fish_seen_subcommand_from ${command.name}`)}`;
    lines.push(`complete -c ${p} -n ${singleQuoted(`not __fish_seen_subcommand_from ${names}`)} -a ${command.name} -d ${singleQuoted(shortDescription(command.summary))}`);
    for (const flag of command.flags) {
      const words = plainWords(flag.words);
      const value = !flag.takesValue ? '' : `${flag.files ? ' -r -F' : ' -x'}${words.length > 0 ? ` -a ${singleQuoted(words.join(' '))}` : ''}`;
      lines.push(`complete -c ${p} ${when} -l ${flag.flag.slice(2)}${value} -d ${singleQuoted(shortDescription(flag.description))}`);
    }
    const argumentWords = plainWords(command.argumentWords);
    if (argumentWords.length > 0) lines.push(`complete -c ${p} ${when} -x -a ${singleQuoted(argumentWords.join(' '))}`);
    else if (command.argumentFiles) lines.push(`complete -c ${p} ${when} -F`);
  }
  return `${lines.join('\n')}\n`;
}
