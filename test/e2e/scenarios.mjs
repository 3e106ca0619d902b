// The e2e scenarios: what a person sees of the extension in the workbench. They run in order in one
// session (fixture test/e2e/fixtures/basic), so later ones may rely on the file opened by earlier ones.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIRST_DIAGNOSTIC_TIMEOUT } from './harness.mjs';
import { generateScenarios } from './scenarios/generate.mjs';
import { testbedModule } from './testbed.mjs';

// Texts the checks depend on (owned by package.json, client/src and server/src).
// Regexes that run against editor lines need \s, not ' ': Monaco renders spaces as U+00A0.
export const TEXT = {
  rule: 'MCS001',
  container: 'Clusterset', // viewsContainers.activitybar[0].title
  view: 'Services and Clusters', // views.clusterset[0].name
  refreshAction: 'Refresh Clusterset View', // commands: clusterset.refresh (view/title)
  revealAction: 'Reveal in ClusterSet File', // commands: clusterset.revealInClusterSet (view/item/context)
  discoverCommand: 'Clusterset: Discover CIDRs from Clusters',
  discoverContextsTitle: 'Discover CIDRs from these contexts', // client/src/commands/discoverCidrs.ts
  discoverFileTitle: 'Which ClusterSet file?', // client/src/clusterSetFile.ts
  proposalTab: '↔ discovered CIDRs (proposal)',
  // client/src/views/rows/*: descriptions of the demo state (scripts/demo-seed.mjs) as health.ts judges it
  health: {
    'shop/web': { icon: 'pass-filled', description: /^healthy/ },
    'shop/cart': { icon: 'warning', description: /^degraded — no EndpointSlice from west in central/ },
    'billing/payments': { icon: 'error', description: /^broken — no Service billing\/payments in west/ },
  },
  unreachable: /^unreachable: cannot connect to https:\/\/127\.0\.0\.1:1/,
  statusBar: 'clusterset: 3/4 clusters',
  serverLogCommand: 'Clusterset: Show Language Server Log',
  serverChannel: 'Clusterset Language Server',
  serverLogLine: /log\s+shown\s+on\s+request/, // client/src/commands/registerCommands.ts (clusterset.showServerLog)
  // package.json clusterset.runbook, without its trailing "…", which the palette's filter does not match
  runbookCommand: 'Clusterset: Debug a Service Across the Clusterset',
  // clusters/src/runbook/report/summary.ts summaryLine, shown bold at the top of the Markdown report
  // With the fixture's clusterset.yaml (cilium; east, west, central; central's pods overlap east's; named prod)
  // over the e2e testbed (east, west; clusterset id testbed; no controller): central is not in the kubeconfig.
  // The fixture's ClusterSet lists east, west, central and an unreachable north; no controller runs on the testbed.
  runbookSummary: /shop\/web: \d+ causes \(cluster-unreachable, cidr-overlap, controller-missing\b/,
  importTypeRule: 'MCS403',
  importTypeFix: 'Change spec.type to ClusterSetIP', // server/src/service/rules/MCS403-import-type-enum.ts
  unknownFieldRule: 'MCS004',
  unknownFieldHint: /no\s+reference\s+field/, // server/src/service/rules/MCS004-unknown-field.ts (ServiceExport spec)
  podOverlapRule: 'MCS703',
  // server/src/service/cidr/overlapFindings.ts: `Replace <range> with <free> (nearest free /<prefix>)`
  cidrFix: (range) => new RegExp(`Replace\\s+${range.replace(/[./]/g, '\\$&')}\\s+with\\s+(\\S+)\\s+\\(nearest\\s+free`),
  importTypeHover: /spec\.ips[\s\S]*ServiceImport/, // server/src/service/hover.ts field documentation
  importTypeValues: ['ClusterSetIP', 'Headless'],
};

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

function requireTestbed(s) {
  const tb = s.testbed;
  if (!tb || tb.error) throw new Error(`no testbed for this scenario: ${tb?.error ?? 'not started (E2E_NO_TESTBED=1?)'}`);
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
      assert(
        /Errors: 1\b/.test(label) && rows.length === 2,
        `expected only MCS001 (status bar "${label}"); Problems rows:\n${rows.join('\n')}`,
      );
    },
  },
  {
    name: 'activity-bar-container',
    async run(s) {
      await s.openViewContainer(TEXT.container);
      // A container with one view shows "CLUSTERSET: CLUSTERS" as the sidebar title; with more views
      // the view has its own pane header. Accept either, as long as it is visible.
      const title = s.page.locator('.part.sidebar .composite.title', {
        hasText: new RegExp(`${TEXT.container}.*${TEXT.view}`, 'i'),
      });
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
      assert(
        /Sending request 'initialize/.test(onDisk),
        `channel log on disk lacks the initialize request:\n${onDisk.slice(0, 2000)}`,
      );
    },
  },
  {
    // The runbook against the e2e testbed, with the workspace's ClusterSet file (fixture clusterset.yaml) as
    // the member list: east exports shop/web, but no MCS controller runs anywhere, and central is not in the
    // testbed's kubeconfig — which must be its own cause, first, and never a missing import.
    name: 'palette-runbook',
    needsTestbed: true,
    async run(s) {
      const tb = s.testbed;
      if (!tb || tb.error) throw new Error(`no testbed for this scenario: ${tb?.error ?? 'not started (E2E_NO_TESTBED=1?)'}`);
      await seedRunbookFault(tb.kubeconfigPath);
      // Run alone (E2E_ONLY), nothing has activated the extension yet and the palette may not list its
      // commands at first: open a YAML file (activation) and give the palette a second try.
      await s.openFile('checkout.yaml', 'kind: Service');
      try {
        await s.runCommand(TEXT.runbookCommand);
      } catch {
        await s.dismiss();
        await s.runCommand(TEXT.runbookCommand);
      }
      const input = s.page.locator('.quick-input-widget input[type="text"]');
      await input.waitFor({ state: 'visible' });
      await input.fill('shop/web');
      // Click the row: the list grows while the inventory answers, so Enter could take another service.
      const row = s.page.locator('.quick-input-list .monaco-list-row', { hasText: 'shop/web' }).first();
      await row.waitFor({ state: 'visible' });
      await row.click();
      // The report is a Markdown preview: a webview, whose document is in a nested iframe.
      const preview = s.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const summary = preview.locator('strong', { hasText: TEXT.runbookSummary });
      await summary.waitFor({ state: 'visible', timeout: 60_000 });
      const causes = await preview.locator('h3').allInnerTexts();
      assert(
        /^cluster-unreachable/.test(causes[0] ?? ''),
        `the report does not open with cluster-unreachable: ${JSON.stringify(causes)}`,
      );
      assert(
        !causes.some((c) => /import-missing/.test(c)),
        `an unreachable cluster was called a missing import: ${JSON.stringify(causes)}`,
      );
      const where = await preview.locator('p', { hasText: 'No MCS controller in east' }).first().innerText();
      const named = /Where:\s*([^\n]*)/.exec(where)?.[1] ?? '';
      assert(
        ['east', 'west', 'central'].every((c) => named.split(/,\s*/).includes(c)) && !/north/.test(named),
        `controller-missing is not named for every reachable cluster (and only those): ${where}`,
      );
      const rows = await preview.locator('table tr', { hasText: 'An MCS controller runs and is ready' }).allInnerTexts();
      assert(
        rows.filter((r) => /fail/.test(r)).length === 3 && rows.some((r) => /north/.test(r) && /skip/.test(r)),
        `expected the controller check to fail in east, west and central and skip the unreachable north: ${JSON.stringify(rows)}`,
      );
      await s.dismiss();
    },
  },
  {
    name: 'quick-fix-import-type',
    async run(s) {
      await s.closeAllEditors();
      await s.openFile('import-type.yaml', 'kind: ServiceImport');
      await s.waitForProblemsCount(/Errors: 1\b/, FIRST_DIAGNOSTIC_TIMEOUT);
      await s.openProblems();
      await s.problemRow(TEXT.importTypeRule).first().waitFor({ state: 'visible' });
      const titles = await s.openQuickFixMenu('type: ClusterIP');
      assert(
        titles.some((t) => t.includes(TEXT.importTypeFix)),
        `quick-fix menu lacks "${TEXT.importTypeFix}": ${JSON.stringify(titles)}`,
      );
      await s.chooseQuickFix(TEXT.importTypeFix);
      // The line now reads what the user asked for, and the file's error is gone.
      await s
        .editorLine(/type:\s+ClusterSetIP/)
        .first()
        .waitFor({ state: 'visible' });
      await s.problemRow(TEXT.importTypeRule).first().waitFor({ state: 'hidden' });
      await s.waitForProblemsCount(/^(?!.*Errors: [1-9])/);
      assert((await s.editorLine(/type:\s+ClusterIP\s*$/).count()) === 0, 'the old value ClusterIP is still in the editor');
      await s.closeAllEditors();
    },
  },
  {
    name: 'typed-unknown-field',
    async run(s) {
      await s.closeAllEditors();
      await s.openFile('typed-export.yaml', 'kind: ServiceExport');
      // The file is clean: wait until the server has seen it (no problems) before typing.
      await s.page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
      await s.page.keyboard.press('Control+End');
      await s.page.keyboard.type('spec:', { delay: 20 });
      await s.page.keyboard.press('Escape'); // no suggestion may take the Enter
      await s.page.keyboard.press('Enter'); // code-server's YAML does not indent after "spec:": type the indent
      await s.page.keyboard.type('  serviceName: web', { delay: 20 });
      await s.page.keyboard.press('Escape');
      await s
        .editorLine(/^\s+serviceName:\s+web\s*$/)
        .first()
        .waitFor({ state: 'visible' });
      await s.waitForProblemsCount(/Errors: 1\b/);
      const hover = await s.hoverSquiggle(TEXT.unknownFieldRule, 'serviceName: web');
      const text = await hover.innerText();
      assert(
        /Unknown field "serviceName"/.test(text) && TEXT.unknownFieldHint.test(text),
        `hover lacks the unknown-field message and hint: ${text}`,
      );
      await s.closeAllEditors();
    },
  },
  {
    name: 'cidr-overlap-quick-fix',
    async run(s) {
      await s.closeAllEditors();
      await s.openFile('cidr-overlap.yaml', 'kind: ClusterSet');
      await s.waitForProblemsCount(/Errors: 2\b/, FIRST_DIAGNOSTIC_TIMEOUT);
      // Squiggles under both ranges.
      await s.squiggleBox('podCIDRs: [10.10.0.0/16]');
      await s.squiggleBox('podCIDRs: [10.10.128.0/17]');
      // Two MCS703 rows, each naming the other cluster.
      await s.openProblems();
      const rows = s.problemRow(TEXT.podOverlapRule);
      await rows.nth(1).waitFor({ state: 'visible' });
      const texts = await rows.allInnerTexts();
      assert(texts.length === 2, `expected 2 ${TEXT.podOverlapRule} rows, got:\n${texts.join('\n')}`);
      assert(
        texts.some((t) => /10\.10\.0\.0\/16 of east contains podCIDRs 10\.10\.128\.0\/17 of west/.test(t)),
        `no row for east naming west:\n${texts.join('\n')}`,
      );
      assert(
        texts.some((t) => /10\.10\.128\.0\/17 of west lies inside podCIDRs 10\.10\.0\.0\/16 of east/.test(t)),
        `no row for west naming east:\n${texts.join('\n')}`,
      );
      // The fix on west's range: "Replace 10.10.128.0/17 with <free> (nearest free /17)".
      const titles = await s.openQuickFixMenu('podCIDRs: [10.10.128.0/17]');
      const re = TEXT.cidrFix('10.10.128.0/17');
      const title = titles.find((t) => re.test(t));
      assert(title, `quick-fix menu lacks "Replace 10.10.128.0/17 with … (nearest free …)": ${JSON.stringify(titles)}`);
      const free = re.exec(title)[1];
      assert(/^\d+\.\d+\.\d+\.\d+\/17$/.test(free), `replacement is not a /17: ${free}`);
      assert(!cidrsOverlap(free, '10.10.0.0/16'), `the offered range ${free} overlaps east's 10.10.0.0/16`);
      await s.chooseQuickFix(re);
      await s.editorLine(`podCIDRs: [${free}]`).first().waitFor({ state: 'visible' });
      await rows.first().waitFor({ state: 'hidden' });
      await s.waitForProblemsCount(/^(?!.*Errors: [1-9])/);
      await s.closeAllEditors();
    },
  },
  {
    name: 'hover-and-completion',
    async run(s) {
      await s.closeAllEditors();
      await s.openFile('complete-import.yaml', 'kind: ServiceImport');
      await s.waitForProblemsCount(/Errors: 1\b/, FIRST_DIAGNOSTIC_TIMEOUT); // MCS402: no spec.type yet
      // Hover on a field key shows its documentation.
      const key = s.editorLine('ips: [10.42.0.20]').first();
      await key.hover({ position: { x: 28, y: 8 } });
      const hover = s.page.locator('.monaco-hover:not(.hidden)', { hasText: TEXT.importTypeHover });
      await hover.first().waitFor({ state: 'visible' });
      await s.dismiss();
      // Completion of the enum: type "  type: " on the last line, Ctrl+Space.
      await s.page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
      await s.page.keyboard.press('Control+End');
      await s.page.keyboard.type('  type: ', { delay: 20 });
      await s.page.keyboard.press('Escape');
      await s.page.keyboard.press('Control+Space');
      const suggest = s.page.locator('.editor-widget.suggest-widget .monaco-list-row');
      for (const v of TEXT.importTypeValues) await suggest.filter({ hasText: v }).first().waitFor({ state: 'visible' });
      const labels = (await suggest.allInnerTexts()).map((t) => t.split('\n')[0].trim());
      assert(labels[0] === 'ClusterSetIP', `first suggestion is not ClusterSetIP: ${JSON.stringify(labels)}`);
      // Accept it: the spec is complete and MCS402 goes away.
      await s.page
        .locator('.editor-widget.suggest-widget .monaco-list-row.focused', { hasText: 'ClusterSetIP' })
        .waitFor({ state: 'visible' });
      await s.page.keyboard.press('Enter');
      await s
        .editorLine(/^\s+type:\s+ClusterSetIP\s*$/)
        .first()
        .waitFor({ state: 'visible' });
      await s.waitForProblemsCount(/^(?!.*Errors: [1-9])/);
      await s.closeAllEditors();
    },
  },
  {
    name: 'tree-services-health',
    needsTestbed: true,
    async run(s) {
      requireTestbed(s);
      await s.openViewContainer(TEXT.container);
      // Services: namespace/name with the health icon and why in the description.
      for (const [label, want] of Object.entries(TEXT.health)) {
        const row = s.treeRow(label);
        await row.waitFor({ state: 'visible', timeout: 60_000 });
        await row.locator(`.codicon-${want.icon}`).waitFor({ state: 'visible' });
        const description = await row.locator('.label-description').innerText();
        assert(want.description.test(description), `${label}: description "${description}" does not match ${want.description}`);
      }
      // Clusters: every member, the unreachable one with its reason and an error icon.
      for (const c of ['east', 'west', 'central']) await s.treeRow(c).waitFor({ state: 'visible' });
      const north = s.treeRow(s.testbed.unreachable);
      await north.locator('.codicon-error').waitFor({ state: 'visible' });
      const why = await north.locator('.label-description').innerText();
      assert(TEXT.unreachable.test(why), `north's row does not say why: "${why}"`);
      await s.page.locator('.part.statusbar .statusbar-item', { hasText: TEXT.statusBar }).first().waitFor({ state: 'visible' });
      // The tooltip says why, per cluster.
      const tip = await s.hoverTreeRow('shop/cart', 'endpoints from east 2/2 ready');
      const tipText = await tip.innerText();
      assert(/central/.test(tipText) && /Headless/.test(tipText), `shop/cart tooltip lacks the per-cluster facts: ${tipText}`);
      await s.dismiss();
    },
  },
  {
    name: 'tree-refresh-picks-up-change',
    needsTestbed: true,
    async run(s) {
      requireTestbed(s);
      await s.openViewContainer(TEXT.container);
      await s.treeRow('shop/web').waitFor({ state: 'visible', timeout: 60_000 });
      assert((await s.treeRow('shop/search').count()) === 0, 'shop/search is in the tree before it was exported');
      await s.testbed.handle.apply('east', [
        { apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'shop', name: 'search' }, spec: { ports: [{ port: 9200 }] } },
        { apiVersion: 'multicluster.x-k8s.io/v1alpha1', kind: 'ServiceExport', metadata: { namespace: 'shop', name: 'search' } },
      ]);
      const refresh = s.page.locator(`.part.sidebar a.action-label[aria-label^="${TEXT.refreshAction}"]`).first();
      await refresh.click();
      await s.treeRow('shop/search').waitFor({ state: 'visible' });
      // And a deletion: the row goes away on the next Refresh.
      const del = await s.testbed.handle.kubectl('east', [
        'delete',
        '-n',
        'shop',
        'serviceexports.multicluster.x-k8s.io/search',
        'service/search',
      ]);
      assert(del.code === 0, `kubectl delete failed: ${del.stderr}`);
      await refresh.click();
      await s.treeRow('shop/search').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'tree-open-yaml',
    needsTestbed: true,
    async run(s) {
      requireTestbed(s);
      await s.closeAllEditors();
      await s.openViewContainer(TEXT.container);
      const web = s.treeRow('shop/web');
      await web.waitFor({ state: 'visible', timeout: 60_000 });
      await s.expandTreeRow('shop/web');
      await s.expandTreeRow('east', 'shop/web');
      // A click on an object row opens it as a read-only YAML document.
      await s.clickTreeRowUntil(
        'ServiceExport',
        ['shop/web', 'east'],
        s.editorLine(/^#\s+ServiceExport\s+shop\/web\s+in\s+cluster\s+east/).first(),
      );
      await s
        .editorLine(/^kind:\s+ServiceExport/)
        .first()
        .waitFor({ state: 'visible' });
      await s
        .editorLine(/type:\s+Valid/)
        .first()
        .waitFor({ state: 'visible' });
      await s.page
        .locator('.editor-group-container .tabs-container .tab', { hasText: 'web.yaml' })
        .first()
        .waitFor({ state: 'visible' });
      await s.closeAllEditors();
    },
  },
  {
    name: 'tree-reveal-in-clusterset',
    needsTestbed: true,
    async run(s) {
      requireTestbed(s);
      await s.closeAllEditors();
      await s.openViewContainer(TEXT.container);
      const cart = s.treeRow('shop/cart');
      await cart.waitFor({ state: 'visible', timeout: 60_000 });
      // The row's context menu, as a person opens it.
      await cart.click({ button: 'right' });
      await s.chooseContextMenuItem(TEXT.revealAction);
      await s.page
        .locator('.editor-group-container .tabs-container .tab', { hasText: 'clusterset.yaml' })
        .first()
        .waitFor({ state: 'visible' });
      // The selection is the entry's name: "cart" (4 characters) on the `- name: cart` line.
      const selection = s.page.locator('.part.statusbar .statusbar-item', { hasText: /Ln \d+, Col \d+ \(4 selected\)/ });
      await selection.first().waitFor({ state: 'visible' });
      const text = await selection.first().innerText();
      const line = Number(/Ln (\d+)/.exec(text)?.[1]);
      const fileLines = readFileSync(join(s.workspace, 'clusterset.yaml'), 'utf8').split('\n');
      assert(/- name: cart$/.test(fileLines[line - 1] ?? ''), `selection on line ${line}: "${fileLines[line - 1]}"`);
      await s.closeAllEditors();
    },
  },
  {
    name: 'discover-cidrs-apply',
    needsTestbed: true,
    async run(s) {
      requireTestbed(s);
      await s.closeAllEditors();
      const file = join(s.workspace, 'discover.clusterset.yaml');
      assert(!readFileSync(file, 'utf8').includes('10.96.0.0/16'), 'the fixture already has the ranges');
      // The tree has resolved the clusterset (its contexts are preselected in the pick below).
      await s.openViewContainer(TEXT.container);
      await s.treeRow('shop/web').waitFor({ state: 'visible', timeout: 60_000 });
      await s.runCommand(TEXT.discoverCommand, { keepOpen: true });
      // Pick the contexts: the clusterset's are preselected; keep east and west only.
      await s.quickInputTitle(TEXT.discoverContextsTitle);
      for (const c of ['central', 'north']) await s.setQuickPickChecked(c, false);
      for (const c of ['east', 'west']) await s.setQuickPickChecked(c, true);
      await s.page.keyboard.press('Enter');
      // Which file: the dedicated one, so the README's clusterset.yaml keeps its mistake.
      await s.quickInputTitle(TEXT.discoverFileTitle, 60_000);
      await s.page.locator('.quick-input-widget input[type="text"]').fill('discover');
      await s.page
        .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'discover.clusterset.yaml' })
        .waitFor({ state: 'visible' });
      await s.page.keyboard.press('Enter');
      // Review the diff, then Apply.
      await s.page
        .locator('.editor-group-container .tabs-container .tab', { hasText: TEXT.proposalTab })
        .first()
        .waitFor({ state: 'visible' });
      await s
        .editorLine(/serviceCIDRs:\s+\[10\.96\.0\.0\/16\]/)
        .first()
        .waitFor({ state: 'visible' });
      const apply = s.page
        .locator('.notifications-toasts .notification-toast', { hasText: /Apply \d+ change/ })
        .locator('a.monaco-button, .monaco-button', { hasText: /^Apply$/ });
      await apply.first().click();
      const deadline = Date.now() + 30_000;
      let text = readFileSync(file, 'utf8');
      while (!text.includes('10.96.0.0/16') && Date.now() < deadline) {
        await s.page.waitForTimeout(200);
        text = readFileSync(file, 'utf8');
      }
      assert(/serviceCIDRs: \[10\.96\.0\.0\/16\]/.test(text), `east's service range was not written:\n${text}`);
      assert(/serviceCIDRs: \[10\.97\.0\.0\/16\]/.test(text), `west's service range was not written:\n${text}`);
      assert(/10\.10\.\d+\.\d+\/\d+/.test(text), `east's pod range (from its Nodes) was not written:\n${text}`);
      assert(!/central|north/.test(text), `a context that was not picked got into the file:\n${text}`);
      await s.closeAllEditors();
    },
  },
  ...generateScenarios,
];

/** east: Service + ServiceExport shop/web (no status: nothing reconciles it); west: the namespace. */
async function seedRunbookFault(kubeconfig) {
  const tbm = await testbedModule();
  const kubectl = join(process.env.KUBEBUILDER_ASSETS || join(tbm.cacheBase(), tbm.cacheKey(), 'bin'), 'kubectl');
  const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
  const east = `${ns}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n---\napiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web\n  namespace: shop\n`;
  for (const [context, yaml] of [
    ['east', east],
    ['west', ns],
  ]) {
    const r = spawnSync(kubectl, ['--kubeconfig', kubeconfig, '--context', context, 'apply', '--server-side', '-f', '-'], {
      input: yaml,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`seeding ${context} failed: ${r.stderr}`);
  }
}

/** Whether two IPv4 CIDRs overlap (enough for the checks here). */
function cidrsOverlap(a, b) {
  const parse = (c) => {
    const [ip, len] = c.split('/');
    const n = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    const size = 2 ** (32 - Number(len));
    const start = n - (n % size);
    return [start, start + size - 1];
  };
  const [a0, a1] = parse(a);
  const [b0, b1] = parse(b);
  return a0 <= b1 && b0 <= a1;
}

/**
 * The README screenshot: an examples-like ClusterSet (clusterset.yaml) with the pod-range overlap
 * underlined and its hover open, the Clusterset view listing the testbed's contexts, and Problems.
 */
export async function readmeScreenshot(s, path) {
  await s.dismiss();
  await s.closeAllEditors();
  // The editor may come back scrolled where an earlier scenario left it (Reveal in ClusterSet file).
  await s.openFile('clusterset.yaml', /\S/);
  await s.page.locator('.editor-group-container .monaco-editor textarea').first().focus();
  await s.page.keyboard.press('Control+Home');
  await s.editorLine('kind: ClusterSet').first().waitFor({ state: 'visible' });
  await s.waitForProblemsCount(/Errors: 2\b/, FIRST_DIAGNOSTIC_TIMEOUT);
  await s.openViewContainer(TEXT.container);
  if (s.testbed?.handle) await s.treeRow('shop/web').waitFor({ state: 'visible', timeout: 60_000 });
  await s.openProblems();
  await s.problemRow(TEXT.podOverlapRule).nth(1).waitFor({ state: 'visible' });
  const hover = await s.hoverSquiggle(TEXT.podOverlapRule, 'podCIDRs: [10.10.0.0/16]');
  // The hover fades in: wait for its animations, or the picture shows it half transparent.
  await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  await s.page.screenshot({ path });
}

/**
 * The README's tree screenshot: the Clusterset view with the demo's services (healthy, degraded, broken)
 * and clusters (north unreachable), shop/cart expanded per cluster, its tooltip open, and the
 * ServiceExport of shop/cart in east open as YAML.
 */
export async function treeScreenshot(s, path) {
  await s.dismiss();
  await s.closeAllEditors();
  await s.openViewContainer(TEXT.container);
  await s.widenSidebar(620);
  // Earlier scenarios leave Output or Problems open; the picture is about the tree and the YAML.
  if (await s.page.locator('.part.panel').isVisible()) await s.runCommand('View: Hide Panel').catch(() => s.dismiss());
  await s.treeRow('shop/cart').waitFor({ state: 'visible', timeout: 60_000 });
  await s.expandTreeRow('shop/cart');
  await s.expandTreeRow('east', 'shop/cart');
  await s.clickTreeRowUntil('ServiceExport', ['shop/cart', 'east'], s.editorLine(/^kind:\s+ServiceExport/).first());
  await s.treeRow(s.testbed.unreachable).waitFor({ state: 'visible' });
  const tip = await s.hoverTreeRow('shop/cart', 'endpoints from east 2/2 ready');
  await tip.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  await s.page.screenshot({ path });
  await s.dismiss();
  await s.widenSidebar(300); // back to the default width for the next screenshot
}
