// Reading a snapshot of the guide machine: which question or outcome it shows.
import type { SnapshotFrom } from 'xstate';
import { guideMachine, type StepMeta } from './guide';

export type GuideSnapshot = SnapshotFrom<typeof guideMachine>;

export function stepOf(snapshot: GuideSnapshot): StepMeta {
  const meta = snapshot.getMeta() as Record<string, StepMeta | undefined>;
  const step = meta[`guide.${String(snapshot.value)}`];
  if (!step) throw new Error(`state ${String(snapshot.value)} has no step meta`);
  return step;
}
