import { useEffect, useState } from 'react';

/** The value after it has stayed the same for `ms`: one request per pause in typing. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // The key stands for the value: a new object with the same content is not a change.
  }, [key, ms]);
  return settled;
}
