// Catalogue section J: Implementation profiles (MCS901–MCS907).
import { mcs901 } from '../MCS901-wrong-api-group-for-gke';
import { mcs902 } from '../MCS902-cilium-namespace-not-global';
import { mcs903 } from '../MCS903-cilium-service-annotation-values';
import { mcs904 } from '../MCS904-submariner-clusterset-ip-annotation';
import { mcs905 } from '../MCS905-istio-failover-without-outlier-detection';
import { mcs906 } from '../MCS906-istio-mcs-flags-inconsistent';
import { mcs907 } from '../MCS907-crd-versions-served';
import type { Rule } from '../rule';

export const PROFILES_RULES: readonly Rule[] = [mcs901, mcs902, mcs903, mcs904, mcs905, mcs906, mcs907];
