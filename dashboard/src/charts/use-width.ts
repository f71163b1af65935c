import { useEffect, useRef, useState } from "preact/hooks";

/** The rendered width of an element, so charts draw at real pixels (readable text at phone width too). */
export function useWidth(fallback = 640): [{ current: HTMLDivElement | null }, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? fallback;
      if (w > 0) setWidth(Math.round(w));
    });
    observer.observe(el);
    return () => { observer.disconnect(); };
  }, [fallback]);
  return [ref, width];
}
