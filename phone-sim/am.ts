// `am start …`: prints what ActivityManager prints and hands the intent to the sim, which is how
// tests (and the simulated browser) learn which URL the agent asked the phone to open.

export interface AmStartIntent {
  action?: string;
  data?: string;
  argv: string[];
}

interface Result {
  out: string;
  err: string;
  status: number;
}

/** Options of `am start` that take one value; their value is kept only when the Intent shows it. */
const VALUE_OPTIONS = new Set(['-a', '-d', '-t', '-c', '-n', '-f', '-p', '--user', '--display']);
/** Extras (`--es KEY VALUE`, `--ei …`) take a key and a value; `--esn KEY` a key only. */
const extraArity = (option: string): number =>
  option === '--esn' ? 1 : /^--e[a-z]+$/.test(option) ? 2 : 0;
const FLAG_OPTIONS = new Set([
  '-W',
  '-S',
  '-D',
  '-N',
  '--activity-clear-top',
  '--activity-new-task',
]);

export function runAm(args: string[], emit: (intent: AmStartIntent) => void): Result {
  const [verb, ...rest] = args;
  if (verb !== 'start' && verb !== 'start-activity') {
    return { out: '', err: `Error: unknown command '${verb ?? ''}'\n`, status: 255 };
  }
  const values = new Map<string, string>();
  const categories: string[] = [];
  let extras = false;
  for (let i = 0; i < rest.length; i++) {
    const option = rest[i] as string;
    if (VALUE_OPTIONS.has(option) || extraArity(option) > 0) {
      const count = extraArity(option) || 1;
      if (i + count >= rest.length) return illegal(`Argument expected after "${option}"`);
      if (option === '-c') categories.push(rest[i + 1] as string);
      else if (extraArity(option) > 0) extras = true;
      else values.set(option, rest[i + 1] as string);
      i += count;
    } else if (FLAG_OPTIONS.has(option)) continue;
    else if (option.startsWith('-')) return illegal(`Unknown option: ${option}`);
    else if (i === rest.length - 1) values.set('-d', option);
    else return illegal(`Unknown option: ${option}`);
  }
  const intent: AmStartIntent = { argv: ['am', ...args] };
  const action = values.get('-a');
  const data = values.get('-d');
  if (action !== undefined) intent.action = action;
  if (data !== undefined) intent.data = data;
  const parts = [
    action !== undefined ? `act=${action}` : '',
    categories.length > 0 ? `cat=[${categories.join(',')}]` : '',
    data !== undefined ? `dat=${data}` : '',
    values.has('-t') ? `typ=${values.get('-t')}` : '',
    values.has('-f') ? `flg=${values.get('-f')}` : '',
    values.has('-n') ? `cmp=${values.get('-n')}` : '',
    extras ? '(has extras)' : '',
  ].filter((part) => part !== '');
  emit(intent);
  return {
    out: `Starting: Intent { ${parts.join(' ')}${parts.length ? ' ' : ''}}\n`,
    err: '',
    status: 0,
  };
}

function illegal(message: string): Result {
  return {
    out: '',
    err: `Exception occurred while executing 'start':\njava.lang.IllegalArgumentException: ${message}\n`,
    status: 255,
  };
}
