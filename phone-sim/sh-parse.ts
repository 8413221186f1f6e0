// POSIX sh word splitting for `shell:` command lines: quotes, backslashes, comments, `;`/`&&`/`||`
// lists and simple redirections. No expansion: `$x`, globs and `~` stay literal (sim limitation).

export interface ShRedirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&';
  target: string;
}

export interface ShCommand {
  argv: string[];
  redirects: ShRedirect[];
  /** How this command follows the previous one (`;` for the first). */
  after: ';' | '&&' | '||';
}

export class ShSyntaxError extends Error {
  constructor(
    readonly code: 'SH_SYNTAX' | 'SH_UNSUPPORTED',
    message: string,
  ) {
    super(message);
    this.name = 'ShSyntaxError';
  }
}

const DOUBLE_QUOTE_ESCAPABLE = new Set(['$', '`', '"', '\\']);

export function parseShell(line: string): ShCommand[] {
  const commands: ShCommand[] = [];
  let current: ShCommand = { argv: [], redirects: [], after: ';' };
  let word: string | undefined;
  let wordQuoted = false;
  let pendingRedirect: Omit<ShRedirect, 'target'> | undefined;

  const finishWord = (): void => {
    if (word === undefined) return;
    if (pendingRedirect) {
      current.redirects.push({ ...pendingRedirect, target: word });
      pendingRedirect = undefined;
    } else current.argv.push(word);
    word = undefined;
    wordQuoted = false;
  };
  const finishCommand = (next: ShCommand['after']): void => {
    finishWord();
    if (pendingRedirect)
      throw new ShSyntaxError('SH_SYNTAX', 'syntax error: redirection without target');
    if (current.argv.length > 0 || current.redirects.length > 0) commands.push(current);
    else if (current.after !== ';' || next !== ';') {
      throw new ShSyntaxError(
        'SH_SYNTAX',
        `syntax error: '${next === ';' ? current.after : next}' unexpected`,
      );
    }
    current = { argv: [], redirects: [], after: next };
  };

  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    const next = line[i + 1];
    if (c === ' ' || c === '\t') finishWord();
    else if (c === '\n' || c === ';') finishCommand(';');
    else if (c === '#' && word === undefined) {
      while (i + 1 < line.length && line[i + 1] !== '\n') i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShSyntaxError('SH_SYNTAX', "syntax error: unmatched '");
      word = (word ?? '') + line.slice(i + 1, end);
      wordQuoted = true;
      i = end;
    } else if (c === '"') {
      let text = '';
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        const d = line[j] as string;
        const e = line[j + 1];
        if (d === '\\' && e !== undefined && DOUBLE_QUOTE_ESCAPABLE.has(e)) {
          text += e;
          j++;
        } else if (d === '\\' && e === '\n') j++;
        else text += d;
      }
      if (j >= line.length) throw new ShSyntaxError('SH_SYNTAX', 'syntax error: unmatched "');
      word = (word ?? '') + text;
      wordQuoted = true;
      i = j;
    } else if (c === '\\') {
      if (next === '\n') i++;
      else {
        word = (word ?? '') + (next ?? '\\');
        wordQuoted = true;
        i++;
      }
    } else if (c === '&' && next === '&') {
      finishCommand('&&');
      i++;
    } else if (c === '|' && next === '|') {
      finishCommand('||');
      i++;
    } else if (c === '>' || c === '<') {
      let fd = c === '>' ? 1 : 0;
      if (word !== undefined && !wordQuoted && /^\d$/.test(word)) {
        fd = Number(word);
        word = undefined;
      } else finishWord();
      if (pendingRedirect) throw new ShSyntaxError('SH_SYNTAX', `syntax error: '${c}' unexpected`);
      let op: ShRedirect['op'] = c;
      if (c === '>' && next === '>') op = '>>';
      else if (next === '&') op = c === '>' ? '>&' : '<&';
      if (op.length === 2) i++;
      pendingRedirect = { fd, op };
    } else if (c === '|' || c === '&' || c === '(' || c === ')' || c === '`') {
      throw new ShSyntaxError('SH_UNSUPPORTED', `'${c}' (pipes, jobs, subshells) is not simulated`);
    } else {
      word = (word ?? '') + c;
    }
  }
  finishCommand(';');
  return commands;
}
