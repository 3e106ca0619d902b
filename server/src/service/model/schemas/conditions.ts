// metav1.Condition list used in the MCS status blocks (facts §2: identical schema in both CRDs).
import { arr, int, obj, str, type FieldSchema } from './types';

export function conditionList(doc: string, extra: Partial<FieldSchema> = {}): FieldSchema {
  return arr(
    doc,
    obj('One condition (metav1.Condition); the list is keyed by `type`.', {
      type: str('Condition type, e.g. `Valid`, `Ready`, `Conflict`.', { required: true }),
      status: str('`True`, `False` or `Unknown`.', { required: true, enum: ['True', 'False', 'Unknown'] }),
      reason: str('CamelCase reason (commas join several conflict reasons), e.g. `NoService`, `PortConflict`.', {
        required: true,
      }),
      message: str('Human-readable details (max 32768 characters).', { required: true }),
      lastTransitionTime: str('When the status last changed (RFC 3339 date-time).', { required: true }),
      observedGeneration: int('`metadata.generation` the condition was computed for.'),
    }),
    extra,
  );
}
