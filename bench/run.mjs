// `npm run bench -- <scenario> [--flags]`: runs one benchmark scenario.
// A scenario module exports `description`, `options` (node:util parseArgs options) and
// `run(values, argv)`. Add a scenario with one line below.
import { parseArgs } from 'node:util';
import { cleanup } from './lib/procs.mjs';

const scenarios = {
  checks: () => import('./scenarios/checks.mjs'),
  history: () => import('./scenarios/history.mjs'),
  'docker-events': () => import('./scenarios/docker-events.mjs'),
};

function usage(extra = '') {
  const names = Object.keys(scenarios).join(', ');
  console.error(`${extra}Usage: npm run bench -- <scenario> [--help] [flags]\nScenarios: ${names}`);
}

const [name, ...argv] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || !Object.hasOwn(scenarios, name)) {
  usage(name && !name.startsWith('-') ? `Unknown scenario "${name}".\n` : '');
  process.exit(name && !name.startsWith('-') ? 2 : 0);
}

const scenario = await scenarios[name]();
let values;
try {
  ({ values } = parseArgs({
    args: argv,
    // parseArgs knows type/short/default/multiple; `help` is our own text for --help.
    options: {
      ...Object.fromEntries(
        Object.entries(scenario.options).map(([flag, { help: _help, ...option }]) => [
          flag,
          option,
        ]),
      ),
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  usage(`${error.message}\n`);
  process.exit(2);
}
if (values.help) {
  console.log(`${name}: ${scenario.description}\n\nFlags:`);
  for (const [flag, option] of Object.entries(scenario.options)) {
    const value = option.type === 'boolean' ? '' : ' <n>';
    const fallback =
      option.default === undefined || option.type === 'boolean'
        ? ''
        : ` (default ${option.default})`;
    console.log(`  --${flag}${value}`.padEnd(22) + `${option.help ?? ''}${fallback}`);
  }
  process.exit(0);
}

try {
  await scenario.run(values, argv);
} catch (error) {
  console.error(`\nbench ${name} failed: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
