// e2e harness: the packaged extension in a real VS Code workbench (code-server) driven through
// headless Chromium with playwright-core. One session (code-server + browser) serves all scenarios.
// Recipe, selectors and pitfalls: docs/e2e.md.
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { elapsed, prepareProfile, startCodeServer } from './code-server.mjs';

export { elapsed };

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS = join(REPO, 'test-results', 'e2e');
export const DEFAULT_TIMEOUT = 30_000;
export const FIRST_DIAGNOSTIC_TIMEOUT = 60_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A regex matching exactly `text` (surrounding white space allowed). */
export function exactly(text) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*$`);
}

function newestDir(dir) {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort();
  return names.length ? join(dir, names[names.length - 1]) : null;
}

/**
 * One code-server + browser session on a copy of test/e2e/fixtures/<fixture>/.
 * Use `await using`-style: `const s = await Session.start(...); try { ... } finally { await s.close(); }`.
 */
export class Session {
  static async start({ tools, vsix, fixture = 'basic', settings = {}, log = console.log }) {
    const s = new Session();
    s.log = log;
    s.t0 = Date.now();
    s.root = mkdtempSync(join(tmpdir(), 'clusterset-e2e-'));
    s.sessionDir = join(RESULTS, 'session');
    mkdirSync(s.sessionDir, { recursive: true });
    s.codeServerLog = join(s.sessionDir, 'code-server.log');
    s.consoleLog = join(s.sessionDir, 'browser-console.log');
    writeFileSync(s.codeServerLog, '');
    writeFileSync(s.consoleLog, '');
    try {
      s.workspace = join(s.root, 'workspace');
      cpSync(join(REPO, 'test', 'e2e', 'fixtures', fixture), s.workspace, { recursive: true });
      s.profile = prepareProfile(tools.codeServer, vsix, s.root, { settings });
      log(`  vsix installed (${elapsed(s.t0)})`);
      s.server = await startCodeServer({
        codeServer: tools.codeServer,
        profile: s.profile,
        folder: s.workspace,
        logFile: s.codeServerLog,
      });
      log(`  code-server listening on ${s.server.url} (${elapsed(s.t0)})`);
      s.browser = await chromium.launch({ executablePath: tools.chromium, headless: true, args: CHROMIUM_ARGS });
      const context = await s.browser.newContext({ viewport: { width: 1280, height: 800 } });
      s.page = await context.newPage();
      s.page.setDefaultTimeout(DEFAULT_TIMEOUT);
      const origin = new URL(s.server.url).origin;
      s.page.on('console', (m) => appendFileSync(s.consoleLog, `[${m.type()}] ${m.text()}\n`));
      s.page.on('pageerror', (e) => appendFileSync(s.consoleLog, `[pageerror] ${e.message}\n`));
      s.page.on('requestfailed', (r) => {
        const external = !r.url().startsWith(origin);
        appendFileSync(
          s.consoleLog,
          `[requestfailed${external ? ' EXTERNAL' : ''}] ${r.url()} ${r.failure()?.errorText ?? ''}\n`,
        );
      });
      await s.page.goto(`${s.server.url}?folder=${encodeURIComponent(s.workspace)}`);
      // .monaco-workbench appears before the remote extension host is connected: wait for workspace content.
      const firstFile = readdirSync(s.workspace)
        .filter((n) => !n.startsWith('.'))
        .sort()[0];
      await s.explorerRow(firstFile).waitFor({ state: 'visible', timeout: 60_000 });
      log(`  workbench ready (${elapsed(s.t0)})`);
      return s;
    } catch (err) {
      await s.saveArtifacts('session-start', err);
      await s.close();
      throw err;
    }
  }

  /** The Explorer row of the file named exactly `name` (clusterset.yaml is not discover.clusterset.yaml). */
  explorerRow(name) {
    return this.page.locator('.explorer-folders-view .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: exactly(name) }),
    });
  }

  /** The remote log folder of this code-server run (logs/<timestamp>/). */
  logsDir() {
    return newestDir(join(this.profile?.userData ?? '', 'logs'));
  }

  /** The text of output channel `name` as the extension host wrote it to disk, or '' if not there yet. */
  outputChannelLog(name) {
    const logs = this.logsDir();
    if (!logs) return '';
    const found = [];
    const walk = (dir) => {
      for (const n of readdirSync(dir)) {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/^output_logging_/.test(dirname(p).split('/').pop()) && n.replace(/^\d+-/, '') === `${name}.log`) found.push(p);
      }
    };
    walk(logs);
    return found.map((p) => readFileSync(p, 'utf8')).join('\n');
  }

  /** Screenshot + code-server/exthost/output-channel logs + browser console into test-results/e2e/<name>/. */
  async saveArtifacts(name, err) {
    const dir = join(RESULTS, name.replace(/[^\w.-]+/g, '-'));
    try {
      mkdirSync(dir, { recursive: true });
      if (err) writeFileSync(join(dir, 'error.txt'), `${err.stack ?? err}\n`);
      if (this.page) await this.page.screenshot({ path: join(dir, 'failure.png'), timeout: 10_000 }).catch(() => {});
      for (const f of [this.codeServerLog, this.consoleLog]) if (f && existsSync(f)) cpSync(f, join(dir, f.split('/').pop()));
      const logs = this.logsDir();
      if (logs) cpSync(logs, join(dir, 'logs'), { recursive: true });
      this.log?.(`  artifacts: ${dir.slice(REPO.length + 1)}/`);
    } catch (e) {
      this.log?.(`  (could not save all artifacts: ${e.message})`);
    }
    return dir;
  }

  async close() {
    // Keep the code-server logs of every run, pass or fail; they are small.
    try {
      const logs = this.logsDir();
      if (logs) cpSync(logs, join(this.sessionDir, 'logs'), { recursive: true });
    } catch {
      /* best effort */
    }
    if (this.browser) await this.browser.close().catch(() => {});
    if (this.server) await this.server.stop();
    if (this.root) rmSync(this.root, { recursive: true, force: true });
  }

  // --- UI helpers, all written as a person would act -------------------------------------------

  /** Closes hovers, quick input and notifications that could swallow the next keystroke or click. */
  async dismiss() {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  /** Opens a workspace file: its editor tab if it has one, else a click on its Explorer row. */
  async openFile(name, expectLine) {
    const tab = this.page.locator('.editor-group-container .tabs-container .tab', {
      has: this.page.locator('.label-name', { hasText: exactly(name) }),
    });
    if (await tab.count()) await tab.first().click();
    else {
      // Another view container (e.g. Clusterset) hides the Explorer: show it first.
      if (!(await this.explorerRow(name).first().isVisible())) await this.openViewContainer('Explorer');
      await this.explorerRow(name).click();
    }
    await this.editorLine(expectLine).first().waitFor({ state: 'visible' });
  }

  editorLine(text) {
    return this.page.locator('.editor-group-container .monaco-editor .view-line', { hasText: text });
  }

  /** Waits until the status bar problems item reads e.g. "Errors: 1" (aria-label), returns the label. */
  async waitForProblemsCount(re, timeout = DEFAULT_TIMEOUT) {
    const handle = await this.page.waitForFunction(
      (src) => {
        const el = document.getElementById('status.problems');
        const label = el?.getAttribute('aria-label') ?? '';
        return new RegExp(src).test(label) ? label : false;
      },
      re.source,
      { timeout },
    );
    return handle.jsonValue();
  }

  /**
   * Moves the mouse onto the error squiggle of the editor line containing `onLine` (any squiggle when
   * omitted) and returns the hover widget that opens with `hasText`.
   */
  async hoverSquiggle(hasText, onLine) {
    const squiggles = this.page.locator('.editor-group-container .monaco-editor .squiggly-error');
    await squiggles.first().waitFor({ state: 'visible' });
    // Looked up again on every attempt: a code lens inserted above moves the line after the first look.
    const squiggleBox = async () => {
      if (!onLine) {
        const b = await squiggles.first().boundingBox();
        if (!b) throw new Error('squiggle has no bounding box');
        return b;
      }
      // Polled: the squiggle first seen may be an earlier diagnostic (e.g. on "spec:" while the line below
      // was still being typed) that the server replaces a moment later.
      const deadline = Date.now() + DEFAULT_TIMEOUT;
      for (;;) {
        const line = await this.editorLine(onLine).first().boundingBox();
        let found = null;
        for (const sq of line ? await squiggles.all() : []) {
          const b = await sq.boundingBox();
          if (b && b.y + b.height / 2 >= line.y && b.y + b.height / 2 <= line.y + line.height) found = b;
        }
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(line ? `no error squiggle on the line with "${onLine}"` : `no editor line with "${onLine}"`);
        }
        await this.page.waitForTimeout(250);
      }
    };
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText });
    // A hover that starts while the editor is still settling (a diagnostic just published, a code lens
    // inserted above) can be dropped or land on another line: move away and back, as a person would.
    for (let attempt = 1; ; attempt++) {
      const box = await squiggleBox();
      await this.page.mouse.move(box.x + 2, box.y + box.height / 2);
      await this.page.mouse.move(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2, { steps: 4 });
      try {
        await hover.first().waitFor({ state: 'visible', timeout: attempt < 3 ? 8000 : DEFAULT_TIMEOUT });
        return hover.first();
      } catch (err) {
        if (attempt >= 3) throw err;
        await this.page.mouse.move(box.x, Math.max(0, box.y - 200));
        await this.page.waitForTimeout(300);
      }
    }
  }

  /** The texts of the visible Problems rows (open the panel first). */
  async problemRows() {
    return this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  }

  /** Shows the Problems panel by clicking the status bar count (a click while it is shown would hide it). */
  async openProblems() {
    const markers = this.page.locator('.part.panel .markers-panel');
    if (!(await markers.isVisible())) await this.page.locator('[id="status.problems"]').click();
    await markers.waitFor({ state: 'visible' });
  }

  activityBarItem(ariaPrefix) {
    return this.page.locator(`.part.activitybar .action-item a[aria-label^="${ariaPrefix}"]`);
  }

  /** Opens a view container from the activity bar (a click on the active one would close the sidebar). */
  async openViewContainer(ariaPrefix) {
    const link = this.activityBarItem(ariaPrefix);
    await link.waitFor({ state: 'visible' });
    const inner = this.page.locator(`a[aria-label^="${ariaPrefix}"]`);
    const checked = this.page.locator('.part.activitybar .action-item.checked', { has: inner });
    const sidebarVisible = await this.page.locator('.part.sidebar').isVisible();
    if (!(await checked.isVisible()) || !sidebarVisible) await link.click();
    await checked.waitFor({ state: 'visible' });
  }

  /**
   * F1, type the command title, wait until it is the focused row, Enter. With `keepOpen` it does not wait
   * for the quick input to close (the command opens its own quick pick in the same widget).
   */
  async runCommand(title, { keepOpen = false } = {}) {
    await this.page.locator('.part.statusbar').waitFor({ state: 'visible' });
    await this.dismiss();
    // Keyboard focus must be inside the workbench for F1 to reach it.
    // Focus the editor's input area without a click: a click on the text moves the cursor (and misses when
    // the editor is scrolled), a click on the tab may leave F1 unanswered. Retry F1 if the palette stays shut.
    const input = this.page.locator('.quick-input-widget input[type="text"]');
    const open = async () => {
      for (let attempt = 1; ; attempt++) {
        const editorInput = this.page.locator('.editor-group-container .monaco-editor textarea').first();
        if (await editorInput.count()) await editorInput.focus();
        else await this.page.locator('.part.statusbar').click({ position: { x: 600, y: 5 } });
        await this.page.keyboard.press('F1');
        try {
          await input.waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : DEFAULT_TIMEOUT });
          return;
        } catch (err) {
          if (attempt >= 3) throw err;
          await this.dismiss();
        }
      }
    };
    // Right after start-up the palette may not list an extension's commands yet: reopen it once or twice.
    for (let attempt = 1; ; attempt++) {
      await open();
      await input.fill(`>${title}`);
      try {
        await this.page
          .locator('.quick-input-list .monaco-list-row.focused', { hasText: title })
          .waitFor({ state: 'visible', timeout: attempt < 3 ? 10_000 : DEFAULT_TIMEOUT });
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
        await this.dismiss();
      }
    }
    await this.page.keyboard.press('Enter');
    if (!keepOpen) await input.waitFor({ state: 'hidden' });
  }

  /** Waits for a quick input (pick) whose title contains `title`. */
  async quickInputTitle(title, timeout = DEFAULT_TIMEOUT) {
    await this.page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout });
  }

  /** In a multi-select quick pick, makes the row labelled `label` (checked) or not (a click toggles it). */
  async setQuickPickChecked(label, checked) {
    const row = this.page.locator('.quick-input-list .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: exactly(label) }),
    });
    await row.first().waitFor({ state: 'visible' });
    const box = row.first().locator('input[type="checkbox"], .quick-input-list-checkbox, .monaco-checkbox').first();
    const isChecked = async () => {
      const aria = await row.first().getAttribute('aria-checked');
      if (aria !== null) return aria === 'true';
      return box.evaluate((el) => el.checked ?? el.getAttribute('aria-checked') === 'true');
    };
    if ((await isChecked()) !== checked) await box.click();
    const t0 = Date.now();
    while ((await isChecked()) !== checked) {
      if (Date.now() - t0 > 5000)
        throw new Error(`quick pick row "${label}" did not become ${checked ? 'checked' : 'unchecked'}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Drags the sash between the side bar and the editor so the side bar is `width` px wide. */
  async widenSidebar(width) {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box || Math.abs(box.width - width) < 4) return;
    const x = box.x + box.width;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x - 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
  }

  /**
   * Chooses `title` in the open context menu. The menu acts on mouse-up of an item it has highlighted; a
   * click that lands while it is still opening is lost, so the item is hovered first and Enter is the
   * fallback while the menu stays open.
   */
  async chooseContextMenuItem(title) {
    const item = this.page.locator('.monaco-menu .action-item', { hasText: title }).first();
    await item.waitFor({ state: 'visible' });
    await item.hover();
    await item.click();
    for (let i = 0; i < 3 && (await item.isVisible().catch(() => false)); i++) {
      await this.page.waitForTimeout(300);
      if (await item.isVisible().catch(() => false)) {
        await item.hover();
        await this.page.keyboard.press('Enter');
      }
    }
  }

  // --- the Clusterset tree --------------------------------------------------------------------------

  /** The Clusterset view's row whose label is exactly `label` (the first one when several match). */
  treeRow(label) {
    return this.page
      .locator('.part.sidebar .pane-body .monaco-list-row', {
        has: this.page.locator('.label-name', { hasText: exactly(label) }),
      })
      .first();
  }

  /**
   * The row `label` below the rows `parents` (a path from an outer row down, e.g. ['shop/cart', 'east']):
   * each step is the first row after the previous one, one level deeper, with that label. Retries until
   * the rows are rendered (DEFAULT_TIMEOUT).
   */
  async treeRowUnder(label, parents = []) {
    const path = [...(Array.isArray(parents) ? parents : [parents]), label];
    const rows = this.page.locator('.part.sidebar .pane-body .monaco-list-row');
    const t0 = Date.now();
    for (;;) {
      const index = await rows.evaluateAll((els, want) => {
        // Rows are absolutely positioned and not in DOM order: order them by where they are on screen.
        const order = els
          .map((e, i) => ({
            i,
            level: Number(e.getAttribute('aria-level') ?? 0),
            label: (e.querySelector('.label-name')?.textContent ?? '').trim(),
            top: e.getBoundingClientRect().top,
          }))
          .sort((x, y) => x.top - y.top);
        let at = order.findIndex((x) => x.label === want[0]);
        for (let step = 1; at >= 0 && step < want.length; step++) {
          const level = order[at].level;
          let next = -1;
          for (let k = at + 1; k < order.length && order[k].level > level; k++)
            if (order[k].level === level + 1 && order[k].label === want[step]) {
              next = k;
              break;
            }
          at = next;
        }
        return at < 0 ? -1 : order[at].i;
      }, path);
      if (index >= 0) return rows.nth(index);
      if (Date.now() - t0 > DEFAULT_TIMEOUT) throw new Error(`no tree row ${path.map((x) => `"${x}"`).join(' > ')}`);
      await this.page.waitForTimeout(200);
    }
  }

  /**
   * Hovers the tree row `label` until its tooltip with `hasText` shows, and returns the tooltip. The
   * hover opens after a delay and a mouse move lost under load never opens it: move off and on again.
   */
  async hoverTreeRow(label, hasText) {
    const row = this.treeRow(label);
    const tip = this.page.locator('.monaco-hover, .workbench-hover', { hasText }).first();
    for (let attempt = 1; ; attempt++) {
      await this.page.mouse.move(700, 700);
      await row.locator('.label-name').hover();
      try {
        await tip.waitFor({ state: 'visible', timeout: attempt < 3 ? 10_000 : DEFAULT_TIMEOUT });
        return tip;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  }

  /**
   * Clicks the tree row `label` below `parents` until `expect` (a locator) is visible: a click that lands
   * while the tree redraws (a new snapshot) is lost.
   */
  async clickTreeRowUntil(label, parents, expect) {
    for (let attempt = 1; ; attempt++) {
      await (await this.treeRowUnder(label, parents)).click();
      try {
        await expect.waitFor({ state: 'visible', timeout: attempt < 3 ? 10_000 : DEFAULT_TIMEOUT });
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  }

  /** Expands the tree row `label` (below the rows `parents`, when given) unless it already is. */
  async expandTreeRow(label, parents = []) {
    const row = await this.treeRowUnder(label, parents);
    await row.waitFor({ state: 'visible' });
    const handle = await row.elementHandle();
    if ((await handle.getAttribute('aria-expanded')) !== 'true') await handle.click();
    await this.page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', handle);
  }

  /** Waits until the Output panel shows channel `name` (its channel picker has it selected). */
  async waitForOutputChannel(name) {
    await this.page.locator('.part.panel').waitFor({ state: 'visible' });
    await this.page.waitForFunction(
      (n) => [...document.querySelectorAll('.part.panel select')].some((sel) => sel.options[sel.selectedIndex]?.text === n),
      name,
    );
  }

  /** A visible line of the Output panel (the view is virtualized: only lines on screen are in the DOM). */
  outputLine(hasText) {
    return this.page.locator('.part.panel .monaco-editor .view-line', { hasText }).first();
  }

  // --- helpers of the language-feature scenarios ----------------------------------------------------

  /** The editor tabs currently open. */
  editorTabs() {
    return this.page.locator('.editor-group-container .tabs-container .tab');
  }

  /**
   * Closes every editor, reverting unsaved edits ("View: Revert and Close Editor" on each), so the
   * status bar count only reflects the files the next scenario opens (the server publishes diagnostics
   * for open files only, and clears them on close). Nothing is written to disk.
   */
  async closeAllEditors() {
    for (let i = 0; i < 12 && (await this.editorTabs().count()) > 0; i++) {
      const before = await this.editorTabs().count();
      await this.runCommand('View: Revert and Close Editor');
      await this.page.waitForFunction(
        (n) => document.querySelectorAll('.editor-group-container .tabs-container .tab').length < n,
        before,
      );
    }
    await this.waitForProblemsCount(/^No Problems$|^$/);
  }

  /** { errors, warnings, label } from the status bar problems item. */
  async problemCounts() {
    const label = (await this.page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
    const n = (re) => Number(re.exec(label)?.[1] ?? 0);
    return { errors: n(/Errors?: (\d+)/), warnings: n(/Warnings?: (\d+)/), label };
  }

  /** The bounding box of the error squiggle on the editor line containing `onLine`, waiting for it. */
  async squiggleBox(onLine, { timeout = DEFAULT_TIMEOUT, severity = 'error' } = {}) {
    const squiggles = this.page.locator(`.editor-group-container .monaco-editor .squiggly-${severity}`);
    const t0 = Date.now();
    for (;;) {
      const line = await this.editorLine(onLine).first().boundingBox();
      if (line) {
        for (const sq of await squiggles.all()) {
          const b = await sq.boundingBox().catch(() => null);
          if (b && b.width > 0 && b.y + b.height / 2 >= line.y && b.y + b.height / 2 <= line.y + line.height) return b;
        }
      }
      if (Date.now() - t0 > timeout)
        throw new Error(`no ${severity} squiggle on the line with "${onLine}" within ${timeout / 1000} s`);
      await this.page.waitForTimeout(200);
    }
  }

  /**
   * Puts the cursor on the squiggle of the line containing `onLine` (a click, as a person does), opens the
   * quick-fix menu with Ctrl+. and returns the menu's action titles.
   */
  async openQuickFixMenu(onLine) {
    await this.dismiss();
    const box = await this.squiggleBox(onLine);
    await this.page.mouse.click(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
    await this.page.keyboard.press('Control+.');
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({ state: 'visible' });
    return rows.allInnerTexts();
  }

  /** Chooses the quick-fix menu entry whose title matches `title` (string or RegExp) with a click; returns its text. */
  async chooseQuickFix(title) {
    // By keyboard (arrows until the focused entry is the one, then Enter): the menu's rows never count as
    // "stable" for Playwright's mouse actions while the widget animates.
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    await row.waitFor({ state: 'visible' });
    const text = await row.innerText();
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused', { hasText: title });
    const count = await this.page.locator('.action-widget .monaco-list-row.action').count();
    for (let i = 0; i <= count && !(await focused.count()); i++) await this.page.keyboard.press('ArrowDown');
    await focused.first().waitFor({ state: 'visible', timeout: 5_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden' });
    return text;
  }

  /** Problems rows (opens the panel) whose text matches `re`. */
  problemRow(hasText) {
    return this.page.locator('.markers-panel .monaco-list-row', { hasText });
  }
}

/** Runs scenarios in order in one session; a failing scenario saves its artifacts and the next one still runs. */
export async function runScenarios(session, scenarios, { log = console.log } = {}) {
  const results = [];
  for (const sc of scenarios) {
    const t0 = Date.now();
    try {
      await sc.run(session);
      results.push({ name: sc.name, ok: true });
      log(`ok - ${sc.name} (${elapsed(t0)})`);
    } catch (err) {
      results.push({ name: sc.name, ok: false, err });
      log(`not ok - ${sc.name} (${elapsed(t0)})`);
      log(
        `  ${String(err.message ?? err)
          .split('\n')
          .slice(0, 6)
          .join('\n  ')}`,
      );
      await session.saveArtifacts(sc.name, err);
      await session.dismiss().catch(() => {});
    }
  }
  return results;
}
