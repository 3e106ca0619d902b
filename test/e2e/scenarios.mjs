// The e2e scenarios: what a person sees of the extension in the workbench. They run in order in one
// session (fixture test/e2e/fixtures/basic), so later ones may rely on the file opened by earlier ones.
import { FIRST_DIAGNOSTIC_TIMEOUT } from './harness.mjs';

// Texts the checks depend on (owned by package.json, client/src and server/src).
export const TEXT = {
  rule: 'MCS001',
  container: 'Clusterset', // viewsContainers.activitybar[0].title
  view: 'Clusters', // views.clusterset[0].name
  serverLogCommand: 'Clusterset: Show Language Server Log',
  serverChannel: 'Clusterset Language Server',
};

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

export const scenarios = [
  {
    name: 'diagnostic-wrong-apiversion',
    async run(s) {
      await s.openFile('bad-export.yaml', 'kind: ServiceExport');
      const label = await s.waitForProblemsCount(/Errors: [1-9]/, FIRST_DIAGNOSTIC_TIMEOUT);
      assert(/Errors: 1\b/.test(label), `status bar problems: expected exactly 1 error, got "${label}"`);
      await s.page.locator('.editor-group-container .monaco-editor .squiggly-error').first().waitFor({ state: 'visible' });
      const hover = await s.hoverSquiggle(TEXT.rule);
      const hoverText = await hover.innerText();
      assert(/API group/i.test(hoverText), `hover does not explain the API group: ${hoverText}`);
      await s.dismiss();
      // Problems panel, opened the way a person does: a click on the status bar count.
      await s.openProblems();
      const row = s.page.locator('.markers-panel .monaco-list-row', { hasText: TEXT.rule });
      await row.first().waitFor({ state: 'visible' });
      const rowText = await row.first().innerText();
      assert(/multicluster\.k8s\.io\/v1alpha1|API group/i.test(rowText), `Problems row lacks the message: ${rowText}`);
    },
  },
  {
    name: 'activity-bar-container',
    async run(s) {
      await s.openViewContainer(TEXT.container);
      // A container with one view shows "CLUSTERSET: CLUSTERS" as the sidebar title; with more views
      // the view has its own pane header. Accept either, as long as it is visible.
      const title = s.page.locator('.part.sidebar .composite.title', { hasText: new RegExp(`${TEXT.container}.*${TEXT.view}`, 'i') });
      const header = s.page.locator('.part.sidebar .pane-header', { hasText: new RegExp(`^\\s*${TEXT.view}`, 'i') });
      await title.or(header).first().waitFor({ state: 'visible' });
      await s.page.locator('.part.sidebar .pane-body').first().waitFor({ state: 'visible' });
    },
  },
  {
    name: 'palette-show-server-log',
    async run(s) {
      await s.runCommand(TEXT.serverLogCommand);
      const panel = s.page.locator('.part.panel');
      await panel.waitFor({ state: 'visible' });
      await s.page.waitForFunction(
        (name) =>
          [...document.querySelectorAll('.part.panel select')].some((sel) => sel.options[sel.selectedIndex]?.text === name),
        TEXT.serverChannel,
      );
      // The client traces LSP messages (clusterset.trace.server = messages) into this channel.
      await panel
        .locator('.monaco-editor .view-line', { hasText: /\[(Trace|Info|Error|Warn)|Sending|Received|publishDiagnostics/ })
        .first()
        .waitFor({ state: 'visible' });
      const onDisk = s.outputChannelLog(TEXT.serverChannel);
      assert(/initialize/.test(onDisk), `output channel log on disk lacks the initialize handshake:\n${onDisk.slice(0, 2000)}`);
    },
  },
];

/** The README screenshot: editor with squiggle and hover, the Clusterset view and the Problems panel. */
export async function readmeScreenshot(s, path) {
  await s.dismiss();
  await s.openViewContainer(TEXT.container);
  await s.openFile('bad-export.yaml', 'kind: ServiceExport');
  await s.openProblems();
  await s.page.locator('.markers-panel .monaco-list-row', { hasText: TEXT.rule }).first().waitFor({ state: 'visible' });
  await s.hoverSquiggle(TEXT.rule);
  await s.page.screenshot({ path });
}
