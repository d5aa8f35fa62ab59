/** The activities of the B0 workflow: they do nothing, so B0 measures Temporal alone. */
export interface B0Activities {
  noop(step: number): Promise<number>;
}

/** No-op activities (the bench worker registers them on its own task queue, never the platform's worker). */
export function createB0Activities(): B0Activities {
  return {
    async noop(step) {
      return step;
    },
  };
}
