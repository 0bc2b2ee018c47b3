// Main-thread responsiveness while something runs: the longest 'longtask' entry (tasks over
// 50 ms, as Chromium reports them) and the longest gap between 5 ms timer ticks.
export interface Blocking {
  longestTaskMs: number;
  longTasks: number;
  longestGapMs: number;
}

export function watchMainThread(): { stop(): Promise<Blocking> } {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  let last = performance.now();
  let longestGap = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 5);
  return {
    async stop() {
      await new Promise((r) => setTimeout(r, 30));
      for (const e of observer.takeRecords()) tasks.push(e.duration);
      observer.disconnect();
      clearInterval(tick);
      return {
        longestTaskMs: Math.round(Math.max(0, ...tasks)),
        longTasks: tasks.length,
        longestGapMs: Math.round(longestGap),
      };
    },
  };
}

export async function fixture(name: string): Promise<File> {
  const response = await fetch(`/packages/client/test/fixtures/out/${name}`);
  if (!response.ok) throw new Error(`fixture ${name}: ${response.status}`);
  return new File([await response.blob()], name);
}
