/**
 * Records the URL of every Worker the page constructs until `restore()` (the client's and the
 * elements' browser tests use it to prove that parsing and writing happen off the main thread).
 */
export function spyOnWorkers(): { made: string[]; restore(): void } {
  const made: string[] = [];
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      made.push(String(url));
    }
  } as typeof Worker;
  return {
    made,
    restore: () => {
      window.Worker = Original;
    },
  };
}
