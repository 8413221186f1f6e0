// The human output of `tandem devices`, `history`, `forget`, `release`, `pause`, `resume`, `doctor`,
// `send` and `open` (the `commands` group of the desktop catalogue, desktop-words.ts), in English
// and Simplified Chinese side by side. --json output stays English: programs read it. An error line
// keeps its `[CODE]` for scripts.

/** adb's device states (native-bridge/adb/adb-state.ts), as a person reads them. */
type AdbStates = Record<string, string>;

/** What `tandem doctor` found, one check at a time (agent/runtime/doctor.ts). */
export type DoctorFinding =
  | { kind: 'none-yet' }
  | { kind: 'writable' }
  | { kind: 'key-valid' }
  | { kind: 'database-ok'; schema: number }
  | { kind: 'account'; accounts: number; phones: number }
  | { kind: 'account-unknown' }
  | { kind: 'problem'; code: string };

const en = {
  devices: {
    noPhones:
      'No phones attached. Plug your phone in with a USB cable and turn on USB debugging ' +
      '(Settings > About phone > tap "Build number" 7 times, then Developer options > USB debugging).',
    header: ['SERIAL', 'STATE', 'PHONE', 'ANDROID', 'IDENTITY'],
    /** English keeps adb's own state names, as the table always showed them. */
    states: {
      device: 'device',
      unauthorized: 'unauthorized',
      authorizing: 'authorizing',
      offline: 'offline',
      connecting: 'connecting',
      'no-permissions': 'no-permissions',
      bootloader: 'bootloader',
      recovery: 'recovery',
      sideload: 'sideload',
      host: 'host',
    } as AdbStates,
    hints: {
      unauthorized: 'Allow USB debugging on your phone (unlock it and tap "Allow" on the prompt).',
      authorizing: 'Wait a moment: adb is authorizing this computer with the phone.',
      offline: 'The phone is not answering adb: unlock it, or unplug and replug the cable.',
      connecting: 'Wait a moment: adb is connecting to the phone.',
      'no-permissions':
        'This user may not open the USB device: add a udev rule for the phone (or join the plugdev group).',
      bootloader: 'The phone is in bootloader mode: restart it normally.',
      recovery: 'The phone is in recovery mode: restart it normally.',
      sideload: 'The phone is in sideload mode: restart it normally.',
      host: 'This is an adb host, not a phone.',
    } as AdbStates,
    unusualState: (state: string) => `adb reports an unusual state "${state}"; replug the cable.`,
    unreadable: (message: string, code: string) => `could not read the phone: ${message} [${code}]`,
    server: {
      flag: (where: string) => `adb server ${where} (--adb-port)`,
      agent: (where: string, pid: number) =>
        `adb server ${where} (the running agent's, pid ${pid})`,
      default: (where: string) =>
        `adb server ${where} (no running agent found; --adb-port picks another)`,
    },
  },
  history: {
    empty: 'No phone has been paired on this computer yet.',
    line: (phone: string, kind: string, model: string, times: number, lastSeen: string) =>
      `${phone} (${kind}) ${model} — ${times}× connected, last seen ${lastSeen}`,
    forgot: (line: string) => `Forgot ${line}`,
    released: (line: string) => `Released ${line}; another computer may pair it now.`,
    paused: 'Pairing paused: plugged phones wait until you resume.',
    resumed: 'Pairing resumed.',
  },
  doctor: {
    folder: (dir: string) => `Data folder ${dir}`,
    checks: {
      'data folder': 'data folder',
      key: 'key',
      database: 'database',
      account: 'account',
    } as Record<string, string>,
    ok: 'ok',
    problem: (code: string) => `PROBLEM [${code}]`,
    /** One check's line; the name is padded to a column by the caller. */
    line: (name: string, state: string, detail: string) => `  ${name} ${state}: ${detail}`,
    finding: (finding: DoctorFinding): string => {
      switch (finding.kind) {
        case 'none-yet':
          return 'none yet (the agent creates it)';
        case 'writable':
          return 'writable';
        case 'key-valid':
          return 'valid';
        case 'database-ok':
          return `passes its integrity check (schema ${finding.schema})`;
        case 'account':
          return finding.accounts === 0
            ? `none yet (registered on first pairing), ${finding.phones} paired phone(s)`
            : `${finding.accounts} server account(s), ${finding.phones} paired phone(s)`;
        case 'account-unknown':
          return 'unknown (no database)';
        case 'problem':
          return 'failed: run the repair';
      }
    },
    repairHint: 'Run `tandem doctor --repair` to back up and start afresh.',
    seeAbove: (check: string) => `${check}: see above`,
    nothingToRepair: 'Nothing to repair.',
    repaired: (backups: string) => `Repaired. Kept the old files as: ${backups}`,
    newAccount:
      'A new shadow account is registered on the pairing server; the local pairing history starts empty.',
    accountLater: (code: string) =>
      `The new account will be registered when the agent starts (the server said ${code}).`,
    boundBefore:
      'A phone paired before is still bound to the old account: it shows "paired with another computer" (bound-elsewhere) until that binding is released or expires after the server\'s binding TTL without use (90 days by default, `tandem server --binding-ttl-days`).',
    neverPaired: 'A phone never paired before pairs as usual when plugged in.',
  },
  send: {
    selection: (chars: number) => `the selection (${chars} characters)`,
    text: (chars: number) => `the text (${chars} characters)`,
    link: (url: string) => `the link ${url}`,
    image: (size: string) => `the image (${size})`,
    sent: (what: string, phones: string) => `Sent ${what} to ${phones}`,
  },
  /**
   * An error line's sentence by its code, where a person's words exist (English keeps the error's
   * own message, which names the folder or argument; the words are for the other languages).
   */
  errors: {
    AGENT_NOT_RUNNING:
      'No Tandem agent is running here: start it with `tandem agent` or `npm start`.',
    INVALID_ARGUMENT: 'That is not a valid argument: see `tandem <command> --help`.',
    ADB_NOT_FOUND: 'adb was not found: install Android platform-tools, or set ADB to its path.',
  } as Record<string, string>,
};

export type CommandWords = typeof en;

const zhCN: CommandWords = {
  devices: {
    noPhones:
      '没有连接手机。请用 USB 数据线连接手机并开启 USB 调试' +
      '（设置 > 关于手机 > 连续点按“版本号”7 次，然后在“开发者选项”中开启“USB 调试”）。',
    header: ['序列号', '状态', '手机', '安卓', '身份'],
    states: {
      device: '就绪',
      unauthorized: '未授权',
      authorizing: '授权中',
      offline: '离线',
      connecting: '连接中',
      'no-permissions': '无权限',
      bootloader: '引导模式',
      recovery: '恢复模式',
      sideload: '旁加载模式',
      host: '主机',
    },
    hints: {
      unauthorized: '请允许 USB 调试：解锁手机，在弹出的提示中点按“允许”。',
      authorizing: '请稍候：adb 正在向手机授权这台电脑。',
      offline: '手机没有响应 adb：请解锁手机，或拔下数据线后重新插入。',
      connecting: '请稍候：adb 正在连接手机。',
      'no-permissions':
        '当前用户无法打开这个 USB 设备：请为手机添加 udev 规则（或加入 plugdev 组）。',
      bootloader: '手机处于引导模式：请正常重启手机。',
      recovery: '手机处于恢复模式：请正常重启手机。',
      sideload: '手机处于旁加载模式：请正常重启手机。',
      host: '这是一个 adb 主机，不是手机。',
    },
    unusualState: (state) => `adb 报告了不寻常的状态“${state}”：请重新插拔数据线。`,
    unreadable: (_message, code) => `无法读取这部手机，请重新插拔后再试（代码：${code}）`,
    server: {
      flag: (where) => `adb 服务器 ${where}（--adb-port）`,
      agent: (where, pid) => `adb 服务器 ${where}（正在运行的代理，进程 ${pid}）`,
      default: (where) => `adb 服务器 ${where}（未找到正在运行的代理；可用 --adb-port 指定）`,
    },
  },
  history: {
    empty: '这台电脑还没有配对过手机。',
    line: (phone, kind, model, times, lastSeen) =>
      `${phone}（${kind}）${model} — 已连接 ${times} 次，最近一次 ${lastSeen}`,
    forgot: (line) => `已忘记 ${line}`,
    released: (line) => `已解除 ${line}；现在其他电脑可以与它配对。`,
    paused: '配对已暂停：插入的手机会等待，直到你恢复配对。',
    resumed: '配对已恢复。',
  },
  doctor: {
    folder: (dir) => `数据文件夹 ${dir}`,
    checks: { 'data folder': '数据文件夹', key: '密钥', database: '数据库', account: '账户' },
    ok: '正常',
    problem: (code) => `有问题（代码：${code}）`,
    line: (name, state, detail) => `  ${name} ${state}：${detail}`,
    finding: (finding) => {
      switch (finding.kind) {
        case 'none-yet':
          return '尚未创建（代理会创建它）';
        case 'writable':
          return '可写入';
        case 'key-valid':
          return '有效';
        case 'database-ok':
          return `通过完整性检查（架构版本 ${finding.schema}）`;
        case 'account':
          return finding.accounts === 0
            ? `尚无服务器账户（首次配对时注册），${finding.phones} 部已配对手机`
            : `${finding.accounts} 个服务器账户，${finding.phones} 部已配对手机`;
        case 'account-unknown':
          return '未知（没有数据库）';
        case 'problem':
          return '检查未通过，请运行修复';
      }
    },
    repairHint: '运行 `tandem doctor --repair` 备份并重新开始。',
    seeAbove: (check) => `${check}：见上文`,
    nothingToRepair: '无需修复。',
    repaired: (backups) => `已修复。旧文件保留为：${backups}`,
    newAccount: '已在配对服务器上注册新的影子账户；本地配对历史从空开始。',
    accountLater: (code) => `新账户将在代理启动时注册（服务器返回：${code}）。`,
    boundBefore:
      '之前配对过的手机仍绑定在旧账户上：它会显示“已与另一台电脑配对”，直到该绑定被解除，或在服务器的绑定有效期内未使用而过期（默认 90 天，`tandem server --binding-ttl-days`）。',
    neverPaired: '从未配对过的手机插入后会照常配对。',
  },
  send: {
    selection: (chars) => `选中的文字（${chars} 个字符）`,
    text: (chars) => `文字（${chars} 个字符）`,
    link: (url) => `链接 ${url}`,
    image: (size) => `图片（${size}）`,
    sent: (what, phones) => `已将${what}发送到 ${phones}`,
  },
  errors: {
    AGENT_NOT_RUNNING:
      '这里没有正在运行的 Tandem 代理：请用 `tandem agent` 或 `npm start` 启动它。',
    INVALID_ARGUMENT: '参数不对：请查看 `tandem <命令> --help`。',
    ADB_NOT_FOUND:
      '找不到 adb：请安装 Android 平台工具（platform-tools），或将环境变量 ADB 设为它的路径。',
  },
};

export const commandWords = { en, zhCN };
