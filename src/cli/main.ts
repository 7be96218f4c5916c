// The command line: commander parses, commands run, errors become one Chinese line and exit 2.
// main() returns the exit code; bin/fzcheck.js sets it.

import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, formatProblem } from '../config/config-error.js';
import { formatNames } from '../format/index.js';
import { printable } from '../format/printable.js';
import { LEVELS } from '../shared/levels.js';
import { packagePath } from '../shared/package-paths.js';
import { SUBJECT_TYPES } from '../shared/subject-types.js';
import { outputWidth, runCheck } from './commands/check.js';
import { initConfig } from './commands/init.js';
import { listRules, showRule, testRuleFiles, validateRuleFiles } from './commands/rules.js';
import { ExitCode } from './exit-codes.js';
import { examplesText, helpConfiguration } from './help.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

const VERSION = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string })
  .version;
const TOOL = { name: 'fzcheck', version: VERSION };

/** Runs fzcheck with the given process surface; resolves to the exit code. */
export async function main(io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...io.argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const width = outputWidth(io, true);
  const program = new Command('fzcheck')
    .usage('<命令> [选项]')
    .description('检查法治政府建设年度报告：缺了什么、哪里不对、依据是什么，并给出评分')
    .version(VERSION, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Help asked for by mistake (a bare `fzcheck`, `fzcheck rules`) goes to stderr; error
      // messages are translated into one Chinese line by reportError instead.
      writeErr: (text) => io.stderr.write(text),
      outputError: () => {},
    })
    .configureHelp(helpConfiguration(width))
    .addHelpText(
      'after',
      examplesText(
        [
          ['fzcheck check 报告.docx', '检查一份报告，列出缺项和问题'],
          ['fzcheck check 2023/ --summary-only', '检查整个文件夹，按得分排名'],
          ['fzcheck check 2023/报告.docx --previous 2022/报告.docx', '与上一年度报告对照'],
          ['fzcheck explain statutory/shortcomings', '解释一条规则'],
          ['fzcheck help check', '检查命令的全部选项'],
        ],
        width,
      ),
    );
  defineCheck(program, io, setExitCode, width);
  defineRules(program, io, setExitCode);
  defineInit(program, io, setExitCode);
  defineServe(program, io, setExitCode);
  return program;
}

type SetExitCode = (code: number) => void;

function defineCheck(program: Command, io: CliIo, setExitCode: SetExitCode, width: number): void {
  program
    .command('check')
    .usage('[选项] <文件...>')
    .description('检查一个或多个报告，输出缺项表和评分')
    .argument('<文件...>', '报告文件、文件夹或通配符；- 表示从标准输入读取')
    .option(
      '-f, --format <格式>',
      `输出格式，可重复：${formatNames()}；格式=文件 写入文件（如 json=out.json），只写格式名的输出到标准输出（至多一个），默认 table`,
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    // One value per -r (repeatable, or comma-separated): a list option would take the files after it.
    .option(
      '-r, --rules <包或文件>',
      '使用的规则包：内置包名、YAML 文件，或 default（全部内置包）；可重复，或用逗号分隔',
      collectList,
    )
    .option('--min-score <分数>', '得分低于该值时以退出码 1 结束', parseNumber('--min-score', 0, 1000))
    .addOption(
      new Option('--fail-on <级别>', '有该级别或更高级别的问题时以退出码 1 结束，默认 error').choices([
        ...LEVELS,
        'never',
      ]),
    )
    .option(
      '--max-warnings <数量>',
      '警告级别的问题超过该数量时以退出码 1 结束',
      parseNumber('--max-warnings', 0, 1_000_000, true),
    )
    .option('--summary-only', '多份报告时只输出汇总排名（table、markdown、html）')
    .option('-q, --quiet', '只显示错误级别的问题（同 --level error）')
    .addOption(
      new Option('--level <级别>', '只显示该级别及以上的问题（table、markdown、github）').choices(LEVELS),
    )
    .option('--previous <文件或文件夹>', '上一年度的报告：对照去年的计划、相同的段落和数据；文件夹按单位配对')
    .option('--baseline <文件>', '基线文件：其中已记录的问题不再计入退出码')
    .option('--write-baseline [文件]', '把本次的问题写入基线文件（默认 fzcheck-baseline.json）')
    .option(
      '-j, --jobs <数量>',
      '并行检查的线程数，默认每个 CPU 核一个；1 表示不用工作线程',
      parseNumber('--jobs', 1, 256, true),
    )
    .option('--no-progress', '不在终端显示进度条')
    .option('-c, --config <文件>', '配置文件（默认从当前目录向上查找 fzcheck.config.yaml）')
    .option(
      '--decisions <文件>',
      '审阅决定文件（默认从当前目录向上查找 fzcheck.decisions.yaml，再找报告所在文件夹）',
    )
    .option('--year <年度>', '报告年度（覆盖自动识别）', parseNumber('--year', 2000, 2100, true))
    .addOption(new Option('--subject-type <类型>', '报告主体类型（覆盖自动识别）').choices(SUBJECT_TYPES))
    .option('--stdin-filename <名称>', '从标准输入读取时使用的文件名（决定格式和显示）')
    .option(
      '--max-file-size <MB>',
      '单个文件的大小上限（MB），默认 20',
      parseNumber('--max-file-size', 0.001, 10000),
    )
    .option('-v, --verbose', '同时列出改法、依据和已满足的规则')
    .option('--color', '强制彩色输出')
    .option('--no-color', '不使用颜色')
    .helpOption('-h, --help', '显示帮助')
    .addHelpText(
      'after',
      examplesText(
        [
          ['fzcheck check 报告.docx', '检查一份报告'],
          ['fzcheck check 2023/ -f csv=汇总.csv', '检查整个文件夹，汇总另存为 CSV'],
          ['fzcheck check 报告.txt --verbose', '同时列出改法和依据'],
          ['fzcheck check 2023/ --previous 2022/', '与上一年度的报告逐个单位对照'],
          ['fzcheck check 报告/ --write-baseline', '记下现有问题，写入 fzcheck-baseline.json'],
          ['fzcheck check 报告/ --baseline fzcheck-baseline.json', 'CI：只有新问题才失败'],
          ['fzcheck check - --stdin-filename 草稿.txt < 草稿.txt', '从标准输入读取'],
        ],
        width,
      ),
    )
    .action(async (paths: string[], options) => {
      setExitCode(await runCheck(paths, options, io, TOOL));
    });
}

/** Collects a repeatable option's values, each of which may list several separated by commas. */
function collectList(value: string, previous: string[] | undefined): string[] {
  const items = value
    .split(/[,，]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [...(previous ?? []), ...items];
}

function defineRules(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  const rules = program.command('rules').usage('<子命令> [选项]').description('查看、校验和测试规则包');
  const withRuleOptions = (command: Command) =>
    command
      .option('-r, --rules <包或文件>', '规则包：内置包名、YAML 文件，或 default；可重复', collectList)
      .option('-c, --config <文件>', '配置文件')
      .helpOption('-h, --help', '显示帮助');
  withRuleOptions(rules.command('list').usage('[选项]').description('列出规则及其级别、权重'))
    .option('--year <年度>', '只列出适用于该年度报告的规则', parseNumber('--year', 2000, 2100, true))
    .addOption(new Option('--subject-type <类型>', '只列出适用于该类主体的规则').choices(SUBJECT_TYPES))
    .action(async (options) => setExitCode(await listRules(options, io)));
  withRuleOptions(
    rules
      .command('show')
      .usage('[选项] <规则id>')
      .description('显示一条规则：检查什么、依据、示例')
      .argument('<规则id>', '规则 id，如 statutory/shortcomings'),
  ).action(async (id: string, options) => setExitCode(await showRule(id, options, io)));
  rules
    .command('validate')
    .usage('<文件...>')
    .description('校验规则包文件（JSON Schema 与规则选项），一次列出全部问题')
    .argument('<文件...>', '规则包 YAML 文件')
    .helpOption('-h, --help', '显示帮助')
    .action(async (files: string[]) => setExitCode(await validateRuleFiles(files, io)));
  rules
    .command('test')
    .usage('<文件...>')
    .description('运行规则包中每条规则的示例（examples）')
    .argument('<文件...>', '规则包 YAML 文件')
    .helpOption('-h, --help', '显示帮助')
    .action(async (files: string[]) => setExitCode(await testRuleFiles(files, io)));
  rules.helpOption('-h, --help', '显示帮助').helpCommand('help [子命令]', '显示某个子命令的帮助');

  withRuleOptions(
    program
      .command('explain')
      .usage('[选项] <规则id>')
      .description('解释一条规则：检查什么、为什么、依据和示例')
      .argument('<规则id>', '规则 id，如 statutory/shortcomings'),
  ).action(async (id: string, options) => setExitCode(await showRule(id, options, io)));
}

function defineInit(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  program
    .command('init')
    .usage('[选项]')
    .description('在当前目录生成带注释的配置文件 fzcheck.config.yaml')
    .helpOption('-h, --help', '显示帮助')
    .action(() => setExitCode(initConfig(io)));
}

function defineServe(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  program
    .command('serve')
    .usage('[选项] [文件夹]')
    .description('在本机启动审阅网页：报告列表、上传、逐条标记不适用/已核实、下载批注版 Word 和 Excel')
    .argument('[文件夹]', '报告所在的文件夹（默认当前文件夹）')
    .option('--port <端口>', '端口（默认自动选一个空闲端口）', parseNumber('--port', 1, 65535, true))
    .option('--host <地址>', '监听地址（默认 127.0.0.1 仅本机；如 0.0.0.0 对办公网开放，须有访问令牌）')
    .option('--token <令牌>', '访问令牌（用 --host 对网络开放时必需；不给则自动生成并打印）')
    .option('--no-open', '不自动打开浏览器')
    .option(
      '--max-file-size <MB>',
      '上传和读取的单个文件大小上限（MB），默认 20',
      parseNumber('--max-file-size', 0.001, 10000),
    )
    .helpOption('-h, --help', '显示帮助')
    .action(async (folder: string | undefined, options) => {
      const { runServe } = await import('./commands/serve.js');
      setExitCode(await runServe(folder, options, io, TOOL, io.stop ?? stopSignal()));
    });
}

/** Resolves on Ctrl+C or SIGTERM. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

// Plain decimal digits only: Number() would also take "0x10", "1e1", " 2", "" (as 0) and "Infinity".
const DECIMAL = /^\d+(?:\.\d+)?$/;
const INTEGER = /^\d+$/;

function parseNumber(flag: string, min: number, max: number, integer = false) {
  return (value: string): number => {
    const number = Number(value);
    if (!(integer ? INTEGER : DECIMAL).test(value) || number < min || number > max) {
      throw new UsageError(
        `${flag} 的值“${value}”无效，应为 ${min}–${max} 之间的${integer ? '整数' : '数字'}`,
      );
    }
    return number;
  };
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.Ok;
    // Help shown because no command was given (a bare `fzcheck`): nothing was run as asked.
    if (error.code === 'commander.help') return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Fatal;
    if (error.code === 'commander.executeSubCommandAsync') return ExitCode.Ok;
    io.stderr.write(`fzcheck: ${translateCommanderError(error)}\n（fzcheck --help 查看用法）\n`);
    return ExitCode.Fatal;
  }
  // Messages quote file names and pack contents: their control characters are shown escaped.
  if (error instanceof UsageError) {
    io.stderr.write(`fzcheck: ${printable(error.message, true)}\n`);
    return ExitCode.Fatal;
  }
  if (error instanceof ConfigError) {
    io.stderr.write(`fzcheck: 规则文件有 ${error.problems.length} 处问题：\n`);
    for (const problem of error.problems) io.stderr.write(`  ${printable(formatProblem(problem), true)}\n`);
    return ExitCode.Fatal;
  }
  // An unexpected failure is still one line; FZCHECK_DEBUG=1 shows the stack for developers.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`fzcheck: 内部错误：${printable(message.split('\n')[0] ?? '', true).slice(0, 300)}\n`);
  if (io.env.FZCHECK_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return ExitCode.Fatal;
}

function translateCommanderError(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return `未知选项 ${quoted}`;
    case 'commander.unknownCommand':
      return `未知命令 ${quoted}，可用命令：check、serve、rules、explain、init`;
    case 'commander.missingArgument':
      return '缺少要检查的文件（用 - 表示标准输入）';
    case 'commander.optionMissingArgument':
      return `选项 ${quoted.split(' ')[0] ?? quoted} 缺少取值`;
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.+)\./.exec(error.message)?.[1];
      return allowed ? `选项取值无效，可选：${allowed}` : error.message.replace(/^error: /, '');
    }
    case 'commander.excessArguments':
      return '参数过多';
    default:
      return error.message.replace(/^error: /, '');
  }
}
