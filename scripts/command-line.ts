import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * The content commands' arguments: options plus positionals, `--help` printing the usage
 * (exit 0), an unknown or malformed option printing the error and the usage (exit 2).
 * Returns the parsed arguments, or the exit code when there is nothing more to do.
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(argv: string[], options: O, usage: string) {
  const config = { args: argv, allowPositionals: true, options: { ...options, ...HELP } } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}
