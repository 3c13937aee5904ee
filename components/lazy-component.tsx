"use client";
/**
 * A client component whose code is fetched when it is first rendered, not
 * with the page (React.lazy in its own Suspense boundary): for parts a page
 * shows only in some states (a change in doubt, mutual TLS off, a stage
 * without access logs) or after a click. Rendered on the server as usual;
 * in the browser the server's HTML stays until the code has arrived.
 *
 * controls: the part has buttons or fields that are on the page from the
 * start. They are disabled (one <fieldset disabled>) until the code has
 * arrived, so a click in between waits rather than being lost. Not for a
 * part rendered inside a paragraph or other phrasing content.
 *
 * Code that cannot be fetched (a dropped connection, or chunks replaced by
 * a new deploy) is asked for once more, then the part says so and offers a
 * reload, instead of taking the page's section down with it.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  /** fallback: shown while the code comes (nothing by default); controls: see above. */
  options: { fallback?: ReactNode; controls?: boolean } = {},
): ComponentType<P> {
  const Lazy = lazy(async () => {
    const loaded = await load().catch(() => load().catch(() => null));
    if (!loaded) return { default: NotLoaded as ComponentType<P> };
    const Component = loaded;
    if (!options.controls) return { default: Component };
    function UntilHydrated(props: P) {
      const hydrated = useHydrated();
      return (
        <fieldset disabled={!hydrated} role="presentation" className="contents">
          <Component {...props} />
        </fieldset>
      );
    }
    return { default: UntilHydrated };
  });
  function LazyComponent(props: P) {
    return (
      <Suspense fallback={options.fallback ?? null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyComponent;
}

/** What stands in for a part whose code could not be fetched. */
function NotLoaded() {
  return (
    <span role="alert" className="block text-sm text-rose-800">
      This part of the page could not be loaded: the connection dropped, or the dashboard was
      updated.{" "}
      <button type="button" className="link" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </span>
  );
}
