// Catalogue section A: API version, kind, structure (MCS001–MCS011).
import { mcs001 } from '../MCS001-unknown-mcs-group-version';
import { mcs002 } from '../MCS002-v1beta1-before-crds';
import { mcs003 } from '../MCS003-unknown-clusterproperty-version';
import { mcs004 } from '../MCS004-unknown-field';
import { mcs005 } from '../MCS005-field-newer-than-crds';
import { mcs006 } from '../MCS006-missing-namespace';
import { mcs007 } from '../MCS007-namespace-on-clusterproperty';
import { mcs008 } from '../MCS008-hand-written-status';
import { mcs009 } from '../MCS009-misnamed-kind';
import { mcs010 } from '../MCS010-invalid-object-meta';
import { mcs011 } from '../MCS011-wrong-value-type';
import type { Rule } from '../rule';

export const STRUCTURE_RULES: readonly Rule[] = [
  mcs001,
  mcs002,
  mcs003,
  mcs004,
  mcs005,
  mcs006,
  mcs007,
  mcs008,
  mcs009,
  mcs010,
  mcs011,
];
