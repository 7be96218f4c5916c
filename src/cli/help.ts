// The help texts, entirely in Chinese: commander's headings, usage lines, option notes (可选值) and
// wrapping replaced, so that Chinese descriptions wrap at the width like any text (commander
// wraps only at spaces), and examples under each command.

import type { Command, Help, HelpConfiguration, Option } from 'commander';
import { displayWidth } from '../format/text-width.js';
import { wrapText } from '../format/wrap-text.js';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** commander's help settings for a width (help never needs more than 100 columns). */
export function helpConfiguration(width: number): HelpConfiguration {
  return {
    helpWidth: Math.min(width, 100),
    minWidthToWrap: 20,
    styleTitle: (title) => TITLES[title] ?? title,
    // Chinese characters take two columns; commander counts them as one.
    displayWidth: (text) => displayWidth(text),
    boxWrap: (text, wrapWidth) =>
      text
        .split('\n')
        .flatMap((line) => wrapText(line, wrapWidth))
        .join('\n'),
    subcommandTerm: (command) => commandTerm(command),
    optionDescription: (option) => optionNote(option),
  } satisfies Partial<Help>;
}

/** A command as the command list shows it: name, [选项] and its arguments. */
function commandTerm(command: Command): string {
  const args = command.registeredArguments
    .map((argument) => {
      const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
      return argument.required ? `<${name}>` : `[${name}]`;
    })
    .join(' ');
  const options = command.options.some((option) => option.long !== '--help') ? ' [选项]' : '';
  return `${command.name()}${options}${args ? ` ${args}` : ''}`;
}

/** An option's description with its allowed values in Chinese. */
function optionNote(option: Option): string {
  const choices = option.argChoices ? `（可选：${option.argChoices.join('、')}）` : '';
  return `${option.description}${choices}`;
}

/** Examples shown after a command's help: "  命令  说明" lines under a heading. */
export function examplesText(examples: ReadonlyArray<readonly [string, string]>, width: number): string {
  const lines = ['', '示例：'];
  for (const [command, note] of examples) {
    lines.push(`  ${command}`);
    lines.push(...wrapText(note, Math.min(width, 100) - 6).map((line) => `      ${line}`));
  }
  return `${lines.join('\n')}\n`;
}
