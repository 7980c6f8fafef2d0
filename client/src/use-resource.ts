// Loads something when its key changes, aborting the previous load, so a fast click through the
// period picker never shows an older answer over a newer one.
import { useCallback, useEffect, useRef, useState } from "react";

export interface Resource<T> {
	/** The last answer; kept while a new one loads, so the page does not flash empty. */
	data: T | null;
	error: unknown;
	loading: boolean;
	reload: () => void;
}

export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
	const [data, setData] = useState<T | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [loading, setLoading] = useState(true);
	const [revision, setRevision] = useState(0);
	// The latest loader, read when the key or revision changes: callers may pass a new closure each render.
	const loader = useRef(load);
	loader.current = load;

	// biome-ignore lint/correctness/useExhaustiveDependencies: the key and the revision are what trigger a load.
	useEffect(() => {
		const controller = new AbortController();
		setLoading(true);
		loader.current(controller.signal).then(
			(value) => {
				if (controller.signal.aborted) return;
				setData(value);
				setError(null);
				setLoading(false);
			},
			(reason: unknown) => {
				if (controller.signal.aborted) return;
				setError(reason);
				setLoading(false);
			},
		);
		return () => controller.abort();
	}, [key, revision]);

	const reload = useCallback(() => setRevision((r) => r + 1), []);
	return { data, error, loading, reload };
}
