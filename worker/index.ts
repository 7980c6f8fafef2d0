// The front Worker: API requests go to the router; everything else is the built client,
// served by Workers static assets before this code runs. Fleet jobs (rollouts, purges, exports)
// arrive in queue(). The object classes are exported here so the runtime can find them.
import { consumeFleetJobs } from "./fleet/consumer";
import { router } from "./router";

export { Directory } from "../objects/directory/directory";
export { Fleet } from "../objects/fleet/fleet";
export { Relay } from "../objects/relay/relay";
export { Tenant } from "../objects/tenant/tenant";
export { UsageRecorder } from "../objects/usage/recorder";

export default {
	fetch: (request, env, ctx) => router.fetch(request, env, ctx),
	queue: (batch, env, ctx) => consumeFleetJobs(batch, env, ctx),
} satisfies ExportedHandler<Env>;
