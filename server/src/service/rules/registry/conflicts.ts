// Catalogue section C: Cross-cluster conflict prediction (MCS201–MCS206).
import { mcs201 } from '../MCS201-headless-type-conflict';
import { mcs202 } from '../MCS202-port-conflict';
import { mcs203 } from '../MCS203-session-affinity-conflict';
import { mcs204 } from '../MCS204-traffic-policy-conflict';
import { mcs205 } from '../MCS205-exported-metadata-conflict';
import { mcs206 } from '../MCS206-ip-family-conflict';
import type { Rule } from '../rule';

export const CONFLICTS_RULES: readonly Rule[] = [mcs201, mcs202, mcs203, mcs204, mcs205, mcs206];
