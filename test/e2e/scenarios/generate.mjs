// e2e: the generators as a person meets them — the "Preview derived ServiceImport" code lens above a
// ServiceExport opens the derived ServiceImport beside the source, as an untitled YAML document.
import { FIRST_DIAGNOSTIC_TIMEOUT } from '../harness.mjs';

export const GENERATE_TEXT = {
  lens: 'Preview derived ServiceImport', // server/src/service/codeLens.ts
};

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

export const generateScenarios = [
  {
    name: 'code-lens-derived-serviceimport',
    async run(s) {
      await s.dismiss();
      await s.closeAllEditors();
      await s.openFile('checkout.yaml', 'kind: ServiceExport');
      const lens = s.page.locator('.monaco-editor .codelens-decoration a', { hasText: GENERATE_TEXT.lens });
      await lens.first().waitFor({ state: 'visible', timeout: FIRST_DIAGNOSTIC_TIMEOUT });
      await lens.first().click();
      // The preview opens beside the source: a second editor group whose document is the ServiceImport.
      const preview = s.page.locator('.editor-group-container .monaco-editor .view-line', { hasText: 'kind: ServiceImport' });
      await preview.first().waitFor({ state: 'visible' });
      const groups = await s.page.locator('.editor-group-container').count();
      assert(groups >= 2, `the preview did not open beside the source (${groups} editor group)`);
      const text = (
        await s.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText()
      ).replace(/\u00a0/g, ' ');
      assert(/type: ClusterSetIP/.test(text), `preview lacks the derived type:\n${text}`);
      assert(/Clients use checkout\.shop\.svc\.clusterset\.local/.test(text), `preview lacks the clusterset name:\n${text}`);
      await s.closeAllEditors();
    },
  },
];
