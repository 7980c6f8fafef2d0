// Lets this Node script read the app's own contract (shared/*.ts) instead of copying it: Node 22
// strips TypeScript types by itself, and this hook adds the ".ts" that the bundler-style imports
// inside shared/ leave out.
import { registerHooks } from "node:module";

registerHooks({
	resolve(specifier, context, next) {
		try {
			return next(specifier, context);
		} catch (error) {
			if (specifier.startsWith(".") && !/\.\w+$/.test(specifier)) return next(`${specifier}.ts`, context);
			throw error;
		}
	},
});

/** A module of shared/ by name: `await importShared("prices")`. */
export function importShared(name) {
	return import(new URL(`../../../shared/${name}.ts`, import.meta.url).href);
}
