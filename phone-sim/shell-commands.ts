// The few Android shell commands the sim answers, each returning what the real one prints.
import type { DeviceIdentity } from './profiles.js';
import {
  callIphoneSubInfo,
  dumpIphoneSubInfo,
  hasIphoneSubInfo,
  type ServiceArg,
} from './iphonesubinfo.js';
import { runAm, type AmStartIntent } from './am.js';

export interface ShellContext {
  readonly identity: DeviceIdentity;
  readonly props: Readonly<Record<string, string>>;
  emitIntent(intent: AmStartIntent): void;
}

export interface CommandResult {
  out: string;
  err: string;
  status: number;
}

type Builtin = (args: string[], ctx: ShellContext) => CommandResult;

const ok = (out = ''): CommandResult => ({ out, err: '', status: 0 });
const fail = (err: string, status = 1): CommandResult => ({ out: '', err, status });

const ID_LINE =
  'uid=2000(shell) gid=2000(shell) groups=2000(shell),1004(input),1007(log),1011(adb),' +
  '1015(sdcard_rw),1028(sdcard_r),3001(net_bt_admin),3002(net_bt),3003(inet),3006(net_bw_stats)' +
  ' context=u:r:shell:s0\n';

const BUILTINS: Record<string, Builtin> = {
  true: () => ok(),
  false: () => fail(''),
  id: () => ok(ID_LINE),
  whoami: () => ok('shell\n'),
  echo: (args) => (args[0] === '-n' ? ok(args.slice(1).join(' ')) : ok(`${args.join(' ')}\n`)),
  getprop: (args, ctx) => {
    if (args.length === 0) {
      return ok(
        Object.entries(ctx.props)
          .map(([k, v]) => `[${k}]: [${v}]\n`)
          .join(''),
      );
    }
    return ok(`${ctx.props[args[0] as string] ?? args[1] ?? ''}\n`);
  },
  settings: (args, ctx) => {
    const [verb, namespace, key] = args;
    if (verb === 'get' && namespace && key) {
      const known = namespace === 'secure' && key === 'android_id';
      return ok(`${known ? ctx.identity.androidId : 'null'}\n`);
    }
    if (verb === 'put' || verb === 'delete') return ok();
    return fail('usage:  settings [--user <USER_ID> | current] get namespace key\n', 255);
  },
  service: (args, ctx) => runService(args, ctx.identity),
  dumpsys: (args, ctx) => {
    if (args[0] === 'iphonesubinfo') return ok(dumpIphoneSubInfo(ctx.identity));
    return ok(`Can't find service: ${args[0] ?? ''}\n`);
  },
  am: (args, ctx) => runAm(args, ctx.emitIntent),
  // toybox seq: `seq LAST` or `seq FIRST LAST`, one number a line; tests use it for big outputs.
  seq: (args) => {
    const numbers = args.map(Number);
    if (numbers.length < 1 || numbers.length > 2 || !numbers.every(Number.isSafeInteger)) {
      return fail('usage: seq [FIRST] LAST\n');
    }
    const [first, last] = numbers.length === 1 ? [1, numbers[0] as number] : numbers;
    const lines: string[] = [];
    for (let n = first as number; n <= (last as number); n++) lines.push(`${n}\n`);
    return ok(lines.join(''));
  },
};

export function runBuiltin(argv: string[], ctx: ShellContext): CommandResult {
  const [name, ...args] = argv;
  if (name === undefined) return ok();
  const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  // mksh's message for a missing command, exit status 127.
  return builtin ? builtin(args, ctx) : fail(`/system/bin/sh: ${name}: not found\n`, 127);
}

function runService(args: string[], id: DeviceIdentity): CommandResult {
  const [verb, name, code, ...rest] = args;
  const exists = (service: string | undefined): boolean =>
    service !== undefined && (service !== 'iphonesubinfo' || hasIphoneSubInfo(id));
  if (verb === 'check' && name) {
    return ok(`Service ${name}: ${exists(name) ? 'found' : 'not found'}\n`);
  }
  if (verb !== 'call') return fail('Usage: service [-h|-?]\n       service list\n', 0);
  if (!name) return fail('service: No service specified for call\n', 20);
  if (!code) return fail('service: No code specified for call\n', 20);
  if (name !== 'iphonesubinfo') return fail(`service: Service ${name} does not exist\n`, 10);
  const parsed = parseServiceArgs(rest);
  if (typeof parsed === 'string') return fail(parsed, 10);
  const text = callIphoneSubInfo(id, Number.parseInt(code, 10) || 0, parsed);
  return text.startsWith('service:') ? fail(text, 10) : ok(text);
}

function parseServiceArgs(args: string[]): ServiceArg[] | string {
  const parsed: ServiceArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const type = args[i] as string;
    if (type === 'null') {
      parsed.push({ type: 'null' });
      continue;
    }
    const value = args[i + 1];
    if (type === 'i32' || type === 'i64' || type === 'f' || type === 'd') {
      if (value === undefined)
        return `service: no ${type === 'i32' ? 'integer' : 'number'} supplied for '${type}'\n`;
      parsed.push({ type, value: Number(value) || 0 });
    } else if (type === 's16') {
      if (value === undefined) return "service: no string supplied for 's16'\n";
      parsed.push({ type, value });
    } else return `service: unknown option ${type}\n`;
    i++;
  }
  return parsed;
}
