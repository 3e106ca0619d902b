// Catalogue section D: Exported Service properties (MCS301–MCS307).
import { mcs301 } from '../MCS301-exported-port-names';
import { mcs302 } from '../MCS302-statefulset-service-name';
import { mcs303 } from '../MCS303-clusterset-dns-name-too-long';
import { mcs304 } from '../MCS304-internal-traffic-policy-local';
import { mcs305 } from '../MCS305-traffic-distribution-value';
import { mcs306 } from '../MCS306-topology-mode-annotation';
import { mcs307 } from '../MCS307-exported-service-without-local-first';
import type { Rule } from '../rule';

export const EXPORTED_SERVICE_RULES: readonly Rule[] = [mcs301, mcs302, mcs303, mcs304, mcs305, mcs306, mcs307];
