// MCS105: Service names are DNS-1035 labels, while a ServiceExport's name only has to be a DNS subdomain,
// so an export named like "web.v2" or "9web" is accepted and can never match a Service.
import { isDns1035Label, isDns1123Subdomain, MAX_LABEL } from '../model/names';
import { asScalar, nodeAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs105: Rule = {
  id: 'MCS105',
  title: 'Export name can never match a Service',
  severity: 'error',
  kinds: ['ServiceExport'],
  check(ctx: RuleContext): Finding[] {
    const scalar = asScalar(nodeAt(ctx.doc.root, ['metadata', 'name']));
    const name = typeof scalar?.value === 'string' ? scalar.value : undefined;
    // A name that is not even a DNS subdomain (or not a string) is refused by the API server: MCS010/MCS011.
    if (name === undefined || isDns1035Label(name) || !isDns1123Subdomain(name)) return [];
    const why =
      name.length > MAX_LABEL
        ? `it has ${name.length} characters and a Service name has at most ${MAX_LABEL}`
        : 'a Service name must be a DNS-1035 label (lowercase letters, digits and "-", starting with a letter and ending with a letter or digit)';
    return [
      {
        ruleId: 'MCS105',
        message: `ServiceExport name "${name}" can never match a Service: ${why}. The API server accepts the export, but the controller will report Valid=False (NoService) forever. Use the exact name of the Service to export.`,
        path: ['metadata', 'name'],
      },
    ];
  },
};
