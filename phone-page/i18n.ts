// The phone side's one message catalogue: the phone page's words in English and Simplified
// Chinese, chosen from the browser's languages or the person's remembered choice. `zhCN` is typed
// by `en`, so a key missing in one language does not compile; i18n.test.ts checks it again.
// Each part of the page adds its words below its own marker, in both languages.
import { pickLocale, type Locale } from '../protocol/i18n/locale.js';

const en = {
  title: 'Tandem',
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Connection lost, reconnecting…',
  refused: 'This session link cannot be used',
  closed: 'Disconnected',
  peerPresent: 'PC connected',
  peerAway: 'PC connection interrupted',
  peerAbsent: 'Waiting for the PC',
  inboxTitle: 'From your PC',
  inboxEmpty: 'Nothing shared yet.',
  sendTitle: 'Send to your PC',
  sendLabel: 'Text or link',
  sendButton: 'Send',
  sendPhoto: 'Send photos',
  sendFile: 'Send files',
  copy: 'Copy',
  copied: 'Copied',
  openLink: 'Open',
  save: 'Save',
  sent: 'Sent',
  failed: 'Failed',
  receiving: 'Receiving',
  sending: 'Sending',
  refusedHelp: 'Ask the PC for a new link, then open it again.',
  viewMirror: 'Mirror',
  viewInbox: 'Inbox',
  viewsLabel: 'View',
  addressLabel: 'Address or search',
  back: 'Back',
  forward: 'Forward',
  reload: 'Reload',
  findLabel: 'Find in page',
  findNext: 'Next match',
  findPrev: 'Previous match',
  findClear: 'Clear find',
  findNone: 'No matches',
  findOf: '{index} of {count}',
  follow: 'Follow scrolling',
  copyFromPc: 'Copy PC selection',
  tabsTitle: 'PC tabs',
  showTab: 'Show this tab',
  openOnPhone: 'Open on this phone',
  mirrorWaiting: 'Waiting for the PC’s page…',
  mirrorFailed: 'The mirror could not be loaded',
  mirrorTooLarge: 'This page is too large to mirror. Show another tab, or open it on this phone.',
  // -- mirror: fit-to-phone, PC layout, the slim bar --
  mirrorPcLayout: 'PC layout',
  // -- inbox: times, progress, badge, kept history --
  progressOf: '{received} of {size} · {percent}%',
  newItems: '{count} new',
  earlier: 'Kept from earlier',
  // -- sessions: another tab, resume --
  otherTab: 'Tandem is open in another tab on this phone.',
  movedTab: 'Tandem moved to another tab on this phone.',
  useHere: 'Use here',
  // -- takeover: move to this computer --
  takeoverTitle: 'Move this phone to the computer it is plugged into?',
  takeoverBody:
    'This phone is paired with another computer. The computer it is plugged into now asks to use it instead. Move it only if you are at that computer.',
  takeoverMove: 'Move to this computer',
  takeoverCancel: 'Cancel',
  takeoverMoving: 'Moving…',
  takeoverMoved:
    'Done. The phone now works with the computer it is plugged into. You can close this page.',
  takeoverCancelled: 'Nothing was moved. You can close this page.',
  takeoverExpired:
    'This request is too old. Press “Use it on this computer” on the computer again.',
  takeoverUsed: 'The phone was already moved to this computer.',
  takeoverWrongPhone: 'This request no longer fits this phone. Ask again on the computer.',
  takeoverFailed: 'The move did not work. Check the cable and try again on the computer.',
  takeoverDetails: 'Details',
  // -- language switch --
  details: 'Details',
  more: 'More',
  languageLabel: 'Language',
} as const;

export type Strings = Record<keyof typeof en, string>;

const zhCN: Strings = {
  title: 'Tandem',
  connecting: '正在连接…',
  open: '已连接',
  reconnecting: '连接已断开，正在重新连接…',
  refused: '此会话链接无法使用',
  closed: '已断开',
  peerPresent: '电脑已连接',
  peerAway: '电脑连接中断',
  peerAbsent: '正在等待电脑',
  inboxTitle: '来自电脑',
  inboxEmpty: '还没有共享的内容。',
  sendTitle: '发送到电脑',
  sendLabel: '文字或链接',
  sendButton: '发送',
  sendPhoto: '发送照片',
  sendFile: '发送文件',
  copy: '复制',
  copied: '已复制',
  openLink: '打开',
  save: '保存',
  sent: '已发送',
  failed: '失败',
  receiving: '正在接收',
  sending: '正在发送',
  refusedHelp: '请在电脑上获取新的链接，然后重新打开。',
  viewMirror: '镜像',
  viewInbox: '收件箱',
  viewsLabel: '视图',
  addressLabel: '网址或搜索',
  back: '后退',
  forward: '前进',
  reload: '刷新',
  findLabel: '在页面中查找',
  findNext: '下一个',
  findPrev: '上一个',
  findClear: '清除查找',
  findNone: '无匹配',
  findOf: '第 {index} 个，共 {count} 个',
  follow: '同步滚动',
  copyFromPc: '复制电脑上选中的文字',
  tabsTitle: '电脑标签页',
  showTab: '显示此标签页',
  openOnPhone: '在此手机上打开',
  mirrorWaiting: '正在等待电脑的页面…',
  mirrorFailed: '无法加载镜像',
  mirrorTooLarge: '此页面太大，无法镜像。请显示其他标签页，或在此手机上打开。',
  // -- mirror: fit-to-phone, PC layout, the slim bar --
  mirrorPcLayout: '电脑版布局',
  // -- inbox: times, progress, badge, kept history --
  progressOf: '{received} / {size} · {percent}%',
  newItems: '{count} 条新内容',
  earlier: '之前保存的内容',
  // -- sessions: another tab, resume --
  otherTab: 'Tandem 已在这部手机的另一个标签页中打开。',
  movedTab: 'Tandem 已移到这部手机的另一个标签页。',
  useHere: '在此使用',
  // -- takeover: move to this computer --
  takeoverTitle: '要把此手机移到它所连接的电脑吗？',
  takeoverBody:
    '此手机目前与另一台电脑配对。它现在所连接的电脑请求改为使用它。只有在您就在那台电脑旁边时才移动。',
  takeoverMove: '移到这台电脑',
  takeoverCancel: '取消',
  takeoverMoving: '正在移动…',
  takeoverMoved: '完成。此手机现在与它所连接的电脑配合使用。您可以关闭此页面。',
  takeoverCancelled: '未做任何更改。您可以关闭此页面。',
  takeoverExpired: '此请求已过期。请在电脑上再次点击“在这台电脑上使用”。',
  takeoverUsed: '此手机已经移到这台电脑。',
  takeoverWrongPhone: '此请求已不适用于这部手机。请在电脑上重新请求。',
  takeoverFailed: '移动失败。请检查数据线，然后在电脑上重试。',
  takeoverDetails: '详细信息',
  // -- language switch --
  details: '详细信息',
  more: '更多',
  languageLabel: '语言',
};

export const phoneCatalogues: Readonly<Record<Locale, Strings>> = { en, 'zh-CN': zhCN };

/** Simplified Chinese for zh, zh-CN, zh-Hans*, zh-SG; English otherwise. */
export function pickStrings(languages: readonly string[]): { lang: Locale; strings: Strings } {
  const lang = pickLocale([chosenLanguage(), ...languages].filter((l): l is string => !!l));
  return { lang, strings: phoneCatalogues[lang] };
}

const LANGUAGE_KEY = 'tandem.lang';

/** The language the person picked on this phone (remembered), if any. */
export function chosenLanguage(): string | undefined {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? undefined;
  } catch {
    return undefined; // storage refused (private mode): follow the browser
  }
}

export function rememberLanguage(language: Locale): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // not remembered: the switch still applies to this page
  }
}
