// MCS603: `spec.value` is a required string with minLength 1 in the ClusterProperty CRD (facts §7).
import { writtenText, yaml11NoteFor } from '../parse/yaml11';
import { nodeAt, stringAt } from '../parse/path';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs603: Rule = {
  id: 'MCS603',
  title: 'Empty or missing ClusterProperty value',
  severity: 'error',
  kinds: ['ClusterProperty'],
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    const name = stringAt(root, ['metadata', 'name']) ?? 'ClusterProperty';
    const spec = nodeAt(root, ['spec']);
    // A spec that is not a mapping is refused for its type (MCS011).
    if (spec && spec.type !== 'map' && !(spec.type === 'scalar' && spec.value === null)) return [];
    const value = nodeAt(root, ['spec', 'value']);
    const finding = (message: string, path: string[], target?: 'key'): Finding[] => [{ ruleId: 'MCS603', message, path, target }];
    if (!value) {
      const where = nodeAt(root, ['spec']) ? ['spec'] : ['kind'];
      return finding(
        `ClusterProperty ${name} has no spec.value: the CRD requires it, so the API server rejects the object. Add spec.value.`,
        where,
        'key',
      );
    }
    if (value.type !== 'scalar' || value.value === null || value.value === '') {
      return finding(
        `ClusterProperty ${name} has an empty spec.value: the CRD requires at least one character, so the API server rejects the object. Set the value.`,
        ['spec', 'value'],
      );
    }
    if (typeof value.value !== 'string') {
      return finding(
        `spec.value of ClusterProperty ${name} is a ${typeof value.value}${yaml11NoteFor(value, false)}, but the CRD declares a string: the API server rejects it. Quote it: "${writtenText(value)}".`,
        ['spec', 'value'],
      );
    }
    return [];
  },
};
