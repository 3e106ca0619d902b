// Catalogue section B: ServiceExport semantics (MCS101–MCS108).
import { mcs101 } from '../MCS101-export-without-service';
import { mcs102 } from '../MCS102-export-externalname-service';
import { mcs103 } from '../MCS103-export-nodeport-loadbalancer';
import { mcs104 } from '../MCS104-export-from-system-namespace';
import { mcs105 } from '../MCS105-export-name-not-dns1035';
import { mcs106 } from '../MCS106-invalid-exported-label';
import { mcs107 } from '../MCS107-metadata-labels-not-exported';
import { mcs108 } from '../MCS108-duplicate-export-in-cluster';
import type { Rule } from '../rule';

export const EXPORTS_RULES: readonly Rule[] = [mcs101, mcs102, mcs103, mcs104, mcs105, mcs106, mcs107, mcs108];
