// MCS106: spec.exportedLabels / spec.exportedAnnotations end up on the ServiceImport (facts §2). The CRD
// does not validate them, so a bad key or label value is accepted here and fails when the controller writes
// the ServiceImport.
import { labelValueProblem, qualifiedNameProblem } from '../model/names';
import { asMap, keyText, nodeAt } from '../parse/path';
import { writtenText, yaml11NoteFor } from '../parse/yaml11';
import type { Finding, Rule, RuleContext } from './rule';

const FIELDS = [
  { field: 'exportedLabels', what: 'label', checkValue: true },
  { field: 'exportedAnnotations', what: 'annotation', checkValue: false },
] as const;

export const mcs106: Rule = {
  id: 'MCS106',
  title: 'Invalid exported label or annotation',
  severity: 'error',
  kinds: ['ServiceExport'],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const { field, what, checkValue } of FIELDS) {
      const map = asMap(nodeAt(ctx.doc.root, ['spec', field]));
      if (!map) continue;
      for (const pair of map.pairs) {
        const key = keyText(pair);
        if (key === undefined) continue;
        const path = ['spec', field, key];
        const keyProblem = qualifiedNameProblem(key);
        if (keyProblem) {
          findings.push({
            ruleId: 'MCS106',
            message: `Exported ${what} key "${key}" is not a valid ${what} key: ${keyProblem}. The CRD accepts it, but the controller cannot write it onto the ServiceImport.`,
            path,
            target: 'key',
          });
        }
        const value = pair.value;
        if (value?.type !== 'scalar' || value.value === null) continue;
        if (typeof value.value !== 'string') {
          // Quote what was written (`yes`, `0120`), not kubectl's reading of it (true, 80).
          const written = writtenText(value);
          findings.push({
            ruleId: 'MCS106',
            message: `Exported ${what} "${key}"${yaml11NoteFor(pair.key)} has a ${typeof value.value} value${yaml11NoteFor(value, false)}; ${field} is a map of strings and the API server rejects the ServiceExport. Quote it: "${written}".`,
            path,
            fixes: [
              {
                title: `Quote the value "${written}"`,
                edits: [{ op: 'replaceValue', path, text: JSON.stringify(written) }],
                preferred: true,
              },
            ],
          });
          continue;
        }
        const valueProblem = checkValue ? labelValueProblem(value.value) : undefined;
        if (valueProblem) {
          findings.push({
            ruleId: 'MCS106',
            message: `Exported label "${key}" has an invalid value "${value.value}": ${valueProblem}. The controller cannot put this label on the ServiceImport.`,
            path,
          });
        }
      }
    }
    return findings;
  },
};
