// MCS801: the `multicluster` option of the kubernetes plugin answers only for zones the plugin is
// authoritative for, so each multicluster zone must be among the kubernetes zones (or the server block's
// zones when the plugin lists none), and the server block itself must receive queries for it (facts §6).
import { normalizeZone, zoneCovers } from '../model/corefile';
import { corefilesOf, multiclusterUses, tokenSpan } from '../model/embeddedCorefile';
import type { Finding, Rule, RuleContext } from './rule';

export const mcs801: Rule = {
  id: 'MCS801',
  title: 'multicluster zone not served by the kubernetes plugin',
  severity: 'error',
  kinds: ['ConfigMap'],
  check(ctx: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const embedded of corefilesOf(ctx.doc)) {
      for (const use of multiclusterUses(embedded.corefile)) {
        const serverZones = use.server.keys.map((k) => normalizeZone(k.text));
        const pluginZones = use.kubernetes?.args.length ? use.kubernetes.args.map((a) => normalizeZone(a.text)) : serverZones;
        for (const { zone, token } of use.zones) {
          if (zone === 'cluster.local') continue; // MCS803
          const path = ['data', embedded.key];
          const span = tokenSpan(embedded, token);
          if (!serverZones.some((s) => zoneCovers(s, zone))) {
            out.push({
              ruleId: 'MCS801',
              path,
              span,
              message: `multicluster zone ${zone} is outside this server block (${serverZones.join(' ')}): CoreDNS never routes ${zone} queries here, so clusterset names get NXDOMAIN. Serve ${zone} in this block (e.g. ".:53") or move the directive.`,
            });
          } else if (use.form === 'option' && !pluginZones.some((p) => zoneCovers(p, zone))) {
            out.push({
              ruleId: 'MCS801',
              path,
              span,
              message: `multicluster zone ${zone} is not among the kubernetes plugin's zones (${pluginZones.join(' ')}): the plugin is not authoritative for it, so ${zone} names get NXDOMAIN. Add ${zone} to the zones: kubernetes ${pluginZones.join(' ')} ${zone} {.`,
            });
          }
        }
      }
    }
    return out;
  },
};
