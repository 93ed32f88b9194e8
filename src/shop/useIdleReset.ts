// Shop mode's inactivity timer, kept outside the guide machine: after IDLE_TIMEOUT_MS (on an
// outcome OUTCOME_IDLE_TIMEOUT_MS) without a touch, pointer press or key press, a warning counts
// down WARNING_SECONDS; any activity cancels it, and at zero `onReset` runs (the same reset as the 次のお客様へ button).
import { useCallback, useEffect, useRef, useState } from 'react';

/** How long the counter may sit untouched on a question before the warning appears. */
export const IDLE_TIMEOUT_MS = 3 * 60 * 1000;
/**
 * On an outcome: the customer is often doing step 1 on their own phone meanwhile (revoking on the
 * old phone takes minutes), so the counter waits longer before it warns, and still resets in the end.
 */
export const OUTCOME_IDLE_TIMEOUT_MS = 10 * 60 * 1000;
/** The warning's countdown, in seconds (WCAG 2.2.1 asks for at least 20 to extend; we give 30). */
export const WARNING_SECONDS = 30;

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart'] as const;

export type IdleState = {
  /** Seconds left before the reset while the warning is shown, otherwise null. */
  remaining: number | null;
  /** Cancel the warning and start the idle period again (the same as any touch). */
  extend: () => void;
};

export function useIdleReset({
  enabled,
  onReset,
  timeoutMs = IDLE_TIMEOUT_MS,
  warningSeconds = WARNING_SECONDS,
}: {
  enabled: boolean;
  onReset: () => void;
  timeoutMs?: number;
  warningSeconds?: number;
}): IdleState {
  const [remaining, setRemaining] = useState<number | null>(null);
  const resetRef = useRef(onReset);
  const activityRef = useRef<() => void>(() => {});
  useEffect(() => {
    resetRef.current = onReset;
  }, [onReset]);

  useEffect(() => {
    if (!enabled) return;
    let idle: ReturnType<typeof setTimeout> | undefined;
    let tick: ReturnType<typeof setInterval> | undefined;
    const stopWarning = () => {
      if (tick !== undefined) clearInterval(tick);
      tick = undefined;
      setRemaining(null);
    };
    const startIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(startWarning, timeoutMs);
    };
    const startWarning = () => {
      // Counted against the clock, so a throttled background tab still resets on time.
      const deadline = Date.now() + warningSeconds * 1000;
      setRemaining(warningSeconds);
      tick = setInterval(() => {
        const left = Math.ceil((deadline - Date.now()) / 1000);
        if (left > 0) {
          setRemaining(left);
          return;
        }
        stopWarning();
        resetRef.current();
        startIdle();
      }, 1000);
    };
    const onActivity = () => {
      if (tick !== undefined) stopWarning();
      startIdle();
    };
    activityRef.current = onActivity;
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { capture: true, passive: true });
    startIdle();
    return () => {
      clearTimeout(idle);
      // A warning shown when the timer stops (disabled, or new settings) ends with it.
      if (tick !== undefined) stopWarning();
      activityRef.current = () => {};
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [enabled, timeoutMs, warningSeconds]);

  const extend = useCallback(() => activityRef.current(), []);
  // Disabled means no warning from this render on (the effect's cleanup clears the state too).
  return { remaining: enabled ? remaining : null, extend };
}
