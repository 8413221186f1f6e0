// The desktop side's one message catalogue: every word the desktop UI, the tray, the
// notifications, the startup-failure page and the CLI's human output show, in English and
// Simplified Chinese. The phone's pairing state becomes words a person reads. `zhCN` is typed by
// `en`, so a key missing in one language does not compile; desktop-words.test.ts checks it again.
// Each part of the app keeps its words in its own group.
import type { PairingState } from '../pairing-states.js';
import { commandWords } from './cli-command-words.js';
import { cliWords } from './cli-words.js';
import { uiWords } from './desktop-ui-words.js';
import { pickLocale, type Locale } from './locale.js';

const en = {
  noPhone: 'No phone plugged in',
  open: 'Open Tandem',
  pausePairing: 'Pause pairing',
  launchAtLogin: 'Launch at login',
  checkForUpdates: 'Check for updates',
  checkingForUpdates: 'Checking for updates…',
  updateReady: 'Update ready — restart',
  quit: 'Quit Tandem',
  states: {
    detected: 'Plugged in',
    paused: 'Pairing paused',
    unauthorized: 'Allow USB debugging on the phone',
    identifying: 'Reading the phone…',
    checking: 'Checking the pairing…',
    binding: 'Pairing…',
    'bound-elsewhere': 'Paired with another computer',
    connecting: 'Opening Tandem on the phone…',
    connected: 'Connected',
    failed: 'Not connected — open Tandem for details',
    gone: 'Unplugged',
  } satisfies Record<PairingState | 'paused', string>,
  notify: {
    pairedTitle: 'Phone connected',
    pairedBody: (phone: string) => `${phone} is plugged in and paired: browsing now shows on it.`,
    unauthorizedTitle: 'Allow USB debugging',
    unauthorizedBody: (phone: string) =>
      `Unlock ${phone} and tap "Allow" on the USB debugging prompt.`,
    elsewhereTitle: 'Paired with another computer',
    elsewhereBody: (phone: string) =>
      `${phone} is paired with another computer. Release it there first.`,
    receivedTitle: 'From your phone',
    receivedText: (text: string) => text,
    receivedLink: (url: string) => `A link: ${url}`,
    receivedFile: (name: string) => `A file: ${name}`,
    updateTitle: 'Update ready',
    updateBody: (version: string) => `Tandem ${version} is ready. Restart Tandem to use it.`,
  },
  failure: {
    title: 'Tandem could not start',
    whatToDo: 'What to do',
    tryAgain: 'Try again',
    details: 'Details',
  },
  permission: {
    ask: (origin: string, permission: string) => `${origin} asks to use: ${permission}`,
    detail: 'Allow it for this site until Tandem quits?',
    allow: 'Allow',
    deny: 'Deny',
  },
  /** The desktop UI: layout, phone cards, status line, setup steps, help. */
  ui: uiWords.en,
  /** The inbox of what phones sent, on the desktop UI, the tray and `tandem inbox`. */
  inbox: {
    title: 'Inbox',
    empty:
      'Nothing from your phone yet. Text, links, photos and files you send from the phone appear here.',
    kinds: { text: 'Text', link: 'Link', image: 'Image', file: 'File' },
    /** Who sent it: the phone's model and masked identity. */
    from: (phone: string) => `From ${phone}`,
    unknownPhone: 'a phone',
    size: (size: string) => `Size ${size}`,
    copy: 'Copy',
    copied: 'Copied',
    openInBrowser: 'Open in the mirrored browser',
    openedInBrowser: 'Opened in the mirrored browser.',
    open: 'Open',
    showInFolder: 'Show in folder',
    failed: 'That did not work.',
    fileMissing: 'The file is no longer in the inbox folder.',
    noBrowser: 'The mirrored browser is not running.',
    openFailed: 'The system could not open it. Open the inbox folder yourself.',
    details: 'Details',
    /** The tray menu. */
    trayTitle: 'From your phone',
    showInbox: 'Show inbox',
    /** `tandem inbox`. */
    cliEmpty: 'Nothing has arrived from a phone yet.',
    /** The inbox folder setting. */
    folderIs: 'Files from phones are saved in',
    changeFolder: 'Change',
    folderInput: 'Folder for files from phones (a full path)',
    saveFolder: 'Save',
    defaultFolder: 'Use Downloads/Tandem',
    folderSaved: 'Saved. New files go there.',
    folderRefused: 'Give a full path, such as /home/you/Documents/Phone.',
  },
  /** Sessions: open on the phone again, resume. */
  sessions: {
    reopen: 'Open on the phone again',
    reopenFor: (phone: string) => `Open Tandem on ${phone} again`,
    reopened: 'Opened on the phone. Unlock it if it does not show.',
    reopenFailed: 'The phone did not open the page. Unlock it and try again.',
  },
  /** Bound elsewhere: check again, move to this computer. */
  takeover: {
    checkAgain: 'Check again',
    checking: 'Checking…',
    stillElsewhere: 'Still paired with another computer.',
    useHere: 'Use it on this computer',
    opening: 'Opening the confirmation on the phone…',
    confirmOnPhone: 'Now unlock the phone and tap “Move to this computer” there.',
    notConfirmed: 'Not confirmed on the phone in time. Try again when you are ready.',
    moved:
      'This phone was moved to another computer on the phone itself. To use it here again, choose “Use it on this computer” and confirm on the phone.',
    failed: 'That did not work. Check the cable and try again.',
    details: 'Details',
  },
  /** The CLI's human output. */
  cli: cliWords.en,
  commands: commandWords.en,
};

export type Words = typeof en;

const zhCN: Words = {
  noPhone: '未连接手机',
  open: '打开 Tandem',
  pausePairing: '暂停配对',
  launchAtLogin: '登录时启动',
  checkForUpdates: '检查更新',
  checkingForUpdates: '正在检查更新…',
  updateReady: '更新已就绪 — 重新启动',
  quit: '退出 Tandem',
  states: {
    detected: '已插入',
    paused: '配对已暂停',
    unauthorized: '请在手机上允许 USB 调试',
    identifying: '正在读取手机…',
    checking: '正在检查配对…',
    binding: '正在配对…',
    'bound-elsewhere': '已与另一台电脑配对',
    connecting: '正在手机上打开 Tandem…',
    connected: '已连接',
    failed: '未连接 — 打开 Tandem 查看详情',
    gone: '已拔出',
  },
  notify: {
    pairedTitle: '手机已连接',
    pairedBody: (phone) => `${phone} 已插入并配对：浏览内容会显示在手机上。`,
    unauthorizedTitle: '请允许 USB 调试',
    unauthorizedBody: (phone) => `请解锁 ${phone}，在 USB 调试提示中点按“允许”。`,
    elsewhereTitle: '已与另一台电脑配对',
    elsewhereBody: (phone) => `${phone} 已与另一台电脑配对。请先在那台电脑上解除。`,
    receivedTitle: '来自手机',
    receivedText: (text) => text,
    receivedLink: (url) => `链接：${url}`,
    receivedFile: (name) => `文件：${name}`,
    updateTitle: '更新已就绪',
    updateBody: (version) => `Tandem ${version} 已就绪。重新启动 Tandem 即可使用。`,
  },
  failure: {
    title: 'Tandem 无法启动',
    whatToDo: '怎么办',
    tryAgain: '重试',
    details: '详细信息',
  },
  permission: {
    ask: (origin, permission) => `${origin} 请求使用：${permission}`,
    detail: '在 Tandem 退出前允许此网站使用吗？',
    allow: '允许',
    deny: '拒绝',
  },
  ui: uiWords.zhCN,
  inbox: {
    title: '收件箱',
    empty: '还没有来自手机的内容。从手机发送的文字、链接、照片和文件会显示在这里。',
    kinds: { text: '文字', link: '链接', image: '图片', file: '文件' },
    from: (phone) => `来自 ${phone}`,
    unknownPhone: '一部手机',
    size: (size) => `大小 ${size}`,
    copy: '复制',
    copied: '已复制',
    openInBrowser: '在镜像浏览器中打开',
    openedInBrowser: '已在镜像浏览器中打开。',
    open: '打开',
    showInFolder: '在文件夹中显示',
    failed: '操作未成功。',
    fileMissing: '该文件已不在收件文件夹中。',
    noBrowser: '镜像浏览器没有运行。',
    openFailed: '系统无法打开它。请自行打开收件文件夹。',
    details: '详细信息',
    trayTitle: '来自手机',
    showInbox: '显示收件箱',
    cliEmpty: '还没有收到来自手机的内容。',
    folderIs: '来自手机的文件保存在',
    changeFolder: '更改',
    folderInput: '保存手机文件的文件夹（完整路径）',
    saveFolder: '保存',
    defaultFolder: '使用 下载/Tandem',
    folderSaved: '已保存。新文件会保存到那里。',
    folderRefused: '请输入完整路径，例如 D:\\Phone 或 /home/you/Documents/Phone。',
  },
  sessions: {
    reopen: '在手机上重新打开',
    reopenFor: (phone) => `在 ${phone} 上重新打开 Tandem`,
    reopened: '已在手机上打开。如果没有显示，请解锁手机。',
    reopenFailed: '手机没有打开页面。请解锁手机后重试。',
  },
  takeover: {
    checkAgain: '重新检查',
    checking: '正在检查…',
    stillElsewhere: '仍与另一台电脑配对。',
    useHere: '在这台电脑上使用',
    opening: '正在手机上打开确认页面…',
    confirmOnPhone: '请解锁手机，并在手机上点按“移到这台电脑”。',
    notConfirmed: '未能及时在手机上确认。准备好后请重试。',
    moved:
      '这部手机已在手机上被移到另一台电脑。若要在这里再次使用，请选择“在这台电脑上使用”，然后在手机上确认。',
    failed: '操作未成功。请检查数据线后重试。',
    details: '详细信息',
  },
  cli: cliWords.zhCN,
  commands: commandWords.zhCN,
};

export const desktopCatalogues: Readonly<Record<Locale, Words>> = { en, 'zh-CN': zhCN };

/** The words for a locale such as `zh-CN`, `zh-Hans-CN` or `en-US`; English when none fits. */
export function wordsFor(locale: string): Words {
  return desktopCatalogues[pickLocale([locale])];
}

/** A phone as a person recognises it: its model and masked identity (or its serial). */
export function phoneName(phone: {
  model: string;
  serial: string;
  identity: { masked: string } | null;
}): string {
  const model = phone.model || phone.serial;
  return phone.identity ? `${model} ${phone.identity.masked}` : model;
}

/** A phone's state in words; a paused phone (detected, PAUSED) says so. */
export function stateWords(words: Words, phone: { state: string; reason?: string }): string {
  if (phone.state === 'detected' && phone.reason === 'PAUSED') return words.states.paused;
  return (words.states as Record<string, string>)[phone.state] ?? phone.state;
}
