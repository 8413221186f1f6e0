// The CLI's human output (the `cli` group of the desktop catalogue, desktop-words.ts), in English
// and Simplified Chinese side by side. --json output and --help stay as they are: programs and
// documentation read those.

const en = {
  agentRunning: (server: string) => `Tandem agent running. Pairing server: ${server}`,
  openUi: (url: string) => `Open the Tandem UI: ${url}`,
  plugIn: 'Plug an Android phone in with a USB cable.',
  paused: 'Pairing is paused.',
  sessionPage: (url: string) => `  session page on the phone: ${url}`,
  stopped: 'Tandem agent stopped.',
  phoneLine: (phone: string, state: string, hint: string) => `${phone}: ${state} — ${hint}`,
  codeSuffix: (code: string) => ` (code: ${code})`,
  statusServer: (server: string) => `Pairing server: ${server}`,
  usbOff: 'A phone is on USB with debugging off: turn on USB debugging in Developer options.',
  languageSet: (language: string) => `Tandem speaks ${language} from now on.`,
  languageSystem: (language: string) => `Tandem follows the system language (now ${language}).`,
  languageNames: { en: 'English', 'zh-CN': '简体中文' } as Record<string, string>,
};

export type CliWords = typeof en;

const zhCN: CliWords = {
  agentRunning: (server) => `Tandem 代理正在运行。配对服务器：${server}`,
  openUi: (url) => `打开 Tandem 界面：${url}`,
  plugIn: '请用 USB 数据线连接一部安卓手机。',
  paused: '配对已暂停。',
  sessionPage: (url) => `  手机上的会话页面：${url}`,
  stopped: 'Tandem 代理已停止。',
  phoneLine: (phone, state, hint) => `${phone}：${state} — ${hint}`,
  codeSuffix: (code) => `（代码：${code}）`,
  statusServer: (server) => `配对服务器：${server}`,
  usbOff: '有手机通过 USB 连接但未开启调试：请在“开发者选项”中开启“USB 调试”。',
  languageSet: (language) => `Tandem 从现在起使用${language}。`,
  languageSystem: (language) => `Tandem 跟随系统语言（当前为${language}）。`,
  languageNames: { en: 'English', 'zh-CN': '简体中文' },
};

export const cliWords = { en, zhCN };
