import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload(): Promise<void>;
  /** Replaces the data with a fresher value a mutation returned. */
  set(value: T): void;
}

/** Loads data from the API when `deps` change; errors become a message to show. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what load depends on, as for useEffect
  const run = useCallback(load, deps);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await run());
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setLoading(false);
    }
  }, [run]);

  useEffect(() => {
    let current = true;
    setLoading(true);
    run().then(
      (value) => {
        if (current) {
          setData(value);
          setError(null);
          setLoading(false);
        }
      },
      (caught: unknown) => {
        if (current) {
          setError(errorMessage(caught));
          setLoading(false);
        }
      },
    );
    return () => {
      current = false;
    };
  }, [run]);

  return { data, error, loading, reload, set: setData };
}

export function errorMessage(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}
