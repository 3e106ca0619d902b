// Catalogue section I: DNS configuration (MCS801–MCS806).
import { mcs801 } from '../MCS801-multicluster-zone-not-served';
import { mcs802 } from '../MCS802-coredns-version-mismatch';
import { mcs803 } from '../MCS803-multicluster-on-cluster-local';
import { mcs804 } from '../MCS804-coredns-clusterrole-lacks-serviceimports';
import { mcs805 } from '../MCS805-forbidden-per-cluster-name';
import { mcs806 } from '../MCS806-cluster-local-for-remote-service';
import type { Rule } from '../rule';

export const DNS_RULES: readonly Rule[] = [mcs801, mcs802, mcs803, mcs804, mcs805, mcs806];
