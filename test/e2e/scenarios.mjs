// The e2e scenarios: what a person sees of the extension in the workbench. They run in order in one
// session (fixture test/e2e/fixtures/basic), so later ones may rely on the file opened by earlier ones.
import { FIRST_DIAGNOSTIC_TIMEOUT } from './harness.mjs';

// Texts the checks depend on (owned by package.json, client/src and server/src).
// Regexes that run against editor lines need \s, not ' ': Monaco renders spaces as U+00A0.
export const TEXT = {
  rule: 'MCS001',
  container: 'Clusterset', // viewsContainers.activitybar[0].title
  view: 'Clusters', // views.clusterset[0].name
  serverLogCommand: 'Clusterset: Show Language Server Log',
  serverChannel: 'Clusterset Language Server',
  serverLogLine: /log\s+shown\s+on\s+request/, // client/src/commands/registerCommands.ts (clusterset.showServerLog)
  runbookCommand: 'Clusterset: Debug Why an Export Does Not Reach a Consumer',
  runbookChannel: 'Clusterset',
  runbookLine: /Clusterset\s+runbook/, // client/src/commands/registerCommands.ts (clusterset.runbook)
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
      await s.page.locator('.editor-group-container .monaco-editor .squiggly-error').first().waitFor({ state: 'visible' });
      const hover = await s.hoverSquiggle(TEXT.rule, 'apiVersion: multicluster.k8s.io');
      const hoverText = await hover.innerText();
      assert(/API group/i.test(hoverText), `hover does not explain the API group: ${hoverText}`);
      await s.dismiss();
      // Problems panel, opened the way a person does: a click on the status bar count.
      await s.openProblems();
      const row = s.page.locator('.markers-panel .monaco-list-row', { hasText: TEXT.rule });
      await row.first().waitFor({ state: 'visible' });
      const rowText = await row.first().innerText();
      assert(/multicluster\.k8s\.io\/v1alpha1|API group/i.test(rowText), `Problems row lacks the message: ${rowText}`);
      // The fixture has exactly this one problem; anything else is a false positive (or a stale fixture).
      const rows = await s.problemRows();
      assert(/Errors: 1\b/.test(label) && rows.length === 2, `expected only MCS001 (status bar "${label}"); Problems rows:\n${rows.join('\n')}`);
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
      // The view renders something: a tree row (clusters, or "No clusters …") or a welcome text.
      await s.page
        .locator('.part.sidebar .pane-body .monaco-list-row, .part.sidebar .pane-body .welcome-view-content')
        .first()
        .waitFor({ state: 'visible' });
    },
  },
  {
    name: 'palette-show-server-log',
    async run(s) {
      await s.runCommand(TEXT.serverLogCommand);
      await s.waitForOutputChannel(TEXT.serverChannel);
      await s.outputLine(TEXT.serverLogLine).waitFor({ state: 'visible' });
      // The client traces LSP traffic (clusterset.trace.server = messages) into the same channel.
      const onDisk = s.outputChannelLog(TEXT.serverChannel);
      assert(/Sending request 'initialize/.test(onDisk), `channel log on disk lacks the initialize request:\n${onDisk.slice(0, 2000)}`);
    },
  },
  {
    name: 'palette-runbook',
    async run(s) {
      await s.runCommand(TEXT.runbookCommand);
      await s.waitForOutputChannel(TEXT.runbookChannel);
      await s.outputLine(TEXT.runbookLine).waitFor({ state: 'visible' });
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
  await s.hoverSquiggle(TEXT.rule, 'apiVersion: multicluster.k8s.io');
  await s.page.screenshot({ path });
}
