// Catalogue section G: Cluster identity (MCS601–MCS607).
import { mcs601 } from '../MCS601-cluster-id-not-dns-name';
import { mcs602 } from '../MCS602-legacy-cluster-id-property';
import { mcs603 } from '../MCS603-empty-cluster-property-value';
import { mcs604 } from '../MCS604-custom-property-name';
import { mcs605 } from '../MCS605-duplicate-cluster-ids';
import { mcs606 } from '../MCS606-implementation-cluster-name-limits';
import { mcs607 } from '../MCS607-aws-missing-cluster-properties';
import type { Rule } from '../rule';

export const CLUSTER_IDENTITY_RULES: readonly Rule[] = [mcs601, mcs602, mcs603, mcs604, mcs605, mcs606, mcs607];
