/**
 * `work`'s result, or the error `timedOut()` makes when `work` has not settled within `ms`. The
 * work itself is not stopped: a caller that must stop it (a render, a connection) does so itself.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, timedOut: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
