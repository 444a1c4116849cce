import type { CommandSpec } from './spec.js';

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;

export const completionSpec: CommandSpec = {
  name: 'completion',
  arguments: [{ syntax: '<shell>', description: `the shell: ${COMPLETION_SHELLS.join(', ')}` }],
  summary: 'print a shell completion script (bash, zsh, fish)',
  description:
    'Print a script that completes subcommands, flags, the choices of --format and the like, --law presets, ' +
    '--scenario names, ability ids after --ability and --require, and model slugs after --model, all read ' +
    'from the same option table as --help.',
  options: [],
  examples: [
    { command: 'emerge completion bash > ~/.local/share/bash-completion/completions/emerge', explain: 'bash, for every new shell' },
    { command: 'emerge completion zsh > "${fpath[1]}/_emerge"', explain: 'zsh, in a directory of $fpath' },
    { command: 'emerge completion fish > ~/.config/fish/completions/emerge.fish', explain: 'fish' },
  ],
};
