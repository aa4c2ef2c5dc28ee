import { getPriority } from 'node:os';
import { HELPER_NICE, helperThreads, withHelpersBehind } from '../../src/cli/helpers-behind';

const linux = process.platform === 'linux';
const root = typeof process.getuid === 'function' && process.getuid() === 0;

function priorities(tids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of tids) {
    try {
      out.set(tid, getPriority(tid));
    } catch {
      // The thread ended between listing and asking.
    }
  }
  return out;
}

(linux ? describe : describe.skip)('withHelpersBehind (Linux: nice per thread)', () => {
  test('lists the threads of this process but the main one', () => {
    const tids = helperThreads();
    // Node starts V8's platform workers with the process.
    expect(tids.length).toBeGreaterThanOrEqual(1);
    expect(tids).not.toContain(process.pid);
    for (const tid of tids) expect(Number.isInteger(tid) && tid > 0).toBe(true);
  });

  test('puts every helper thread behind the main one while the work runs, and the main one is left as it was', async () => {
    const before = priorities(helperThreads());
    const mainBefore = getPriority(process.pid);
    const during = await withHelpersBehind(async () => priorities(helperThreads()));
    expect(during.size).toBeGreaterThanOrEqual(1);
    for (const [tid, nice] of during) {
      const was = before.get(tid);
      if (was === undefined) continue; // a thread started meanwhile
      expect(nice).toBe(Math.max(was, HELPER_NICE));
    }
    expect(getPriority(process.pid)).toBe(mainBefore);
    const after = priorities([...before.keys()]);
    for (const [tid, nice] of after) {
      // Raising a priority back needs the right to; as root it is restored.
      if (root) expect(nice).toBe(before.get(tid));
      else expect(nice).toBeGreaterThanOrEqual(before.get(tid)!);
    }
  });

  test("gives back the work's result, and its error after restoring", async () => {
    await expect(withHelpersBehind(async () => 42)).resolves.toBe(42);
    const before = priorities(helperThreads());
    await expect(
      withHelpersBehind(async () => {
        throw new Error('hỏng');
      }),
    ).rejects.toThrow('hỏng');
    if (root) for (const [tid, nice] of priorities([...before.keys()])) expect(nice).toBe(before.get(tid));
  });
});
