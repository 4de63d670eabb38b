#!/usr/bin/env node
/**
 * The `polyblas` command: `polyblas info` prints what polyblas runs on (`--json` for the report
 * as JSON).
 *
 * @module
 */
import { formatConfig, ready, showConfig } from './index.js';

const USAGE = `usage: polyblas <command>

commands:
  info [--json]   print the active backend and every known backend's status
                  (set POLYBLAS_BACKEND=name[,name...] to force a backend)
  help            print this message`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (command === 'info') {
    const unknown = rest.filter((a) => a !== '--json');
    if (unknown.length > 0) {
      console.error(`polyblas info: unknown option ${unknown[0]}\n\n${USAGE}`);
      return 2;
    }
    await ready();
    const report = showConfig();
    console.log(rest.includes('--json') ? JSON.stringify(report, null, 2) : formatConfig(report));
    return report.active === null ? 1 : 0;
  }
  console.error(`polyblas: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
