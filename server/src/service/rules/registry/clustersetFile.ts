// Catalogue section H: ClusterSet file and CIDRs (MCS701–MCS714).
import { mcs701 } from '../MCS701-invalid-cidr';
import { mcs702 } from '../MCS702-cidr-host-bits';
import { mcs703 } from '../MCS703-pod-cidr-overlap';
import { mcs704 } from '../MCS704-service-cidr-overlap';
import { mcs705 } from '../MCS705-cidr-overlap-in-cluster';
import { mcs706 } from '../MCS706-globalnet-cidr';
import { mcs707 } from '../MCS707-ip-family-mismatch';
import { mcs708 } from '../MCS708-service-cidr-count';
import { mcs709 } from '../MCS709-service-range-too-large';
import { mcs710 } from '../MCS710-native-routing-cidr';
import { mcs711 } from '../MCS711-cluster-name';
import { mcs712 } from '../MCS712-unknown-cluster-reference';
import { mcs713 } from '../MCS713-unknown-implementation';
import { mcs714 } from '../MCS714-overlap-mode-fields';
import type { Rule } from '../rule';

export const CLUSTERSET_FILE_RULES: readonly Rule[] = [
  mcs701,
  mcs702,
  mcs703,
  mcs704,
  mcs705,
  mcs706,
  mcs707,
  mcs708,
  mcs709,
  mcs710,
  mcs711,
  mcs712,
  mcs713,
  mcs714,
];
