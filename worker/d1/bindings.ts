// The D1 design's bindings. They exist only in the `d1` wrangler environment, so the generated
// Env marks them optional; code of that design asks for them here and fails loudly if they are
// missing (a Worker deployed without `--env d1` never reaches it).

export function d1Of(env: Env): D1Database {
	if (!env.DB) throw new Error("No D1 database bound: run the D1 variant with --env d1.");
	return env.DB;
}

export function relayOf(env: Env, slug: string) {
	if (!env.Relay) throw new Error("No Relay binding: run the D1 variant with --env d1.");
	return env.Relay.getByName(slug);
}
