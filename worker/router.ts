// The route table; each route's description for the OpenAPI document sits in worker/openapi/, one
// file per routes/ file (a test fails when the two disagree). itty-router's AutoRouter turns returned values into JSON responses;
// `renderError` turns thrown HttpErrors into the contract's error bodies; every request gets an id
// and one log line (request-log.ts).
import { AutoRouter } from "itty-router";
import { type ApiRouter, HttpError, renderError } from "./http";
import { finishRequest, startRequest } from "./request-log";
import { withHeaders } from "./response-headers";
import { adminRoutes } from "./routes/admin";
import { attachmentRoutes } from "./routes/attachments";
import { billingRoutes } from "./routes/billing";
import { boardRoutes } from "./routes/boards";
import { docsRoutes } from "./routes/docs";
import { exportRoutes } from "./routes/exports";
import { fleetRoutes } from "./routes/fleet";
import { inviteRoutes } from "./routes/invites";
import { memberRoutes } from "./routes/members";
import { sessionRoutes } from "./routes/session";
import { socketRoutes } from "./routes/socket";
import { finishD1Request } from "./tenant-stub";

export const router: ApiRouter = AutoRouter({
	before: [startRequest],
	catch: renderError,
	missing: () => new HttpError("not_found", "No such route.").toResponse(),
	finally: [finishD1Request, withSecurityHeaders, finishRequest],
});

router.get("/api/health", (_request, env) => ({ ok: true, variant: env.VARIANT }));
docsRoutes(router);
adminRoutes(router);
fleetRoutes(router);
exportRoutes(router);
sessionRoutes(router);
memberRoutes(router);
inviteRoutes(router);
boardRoutes(router);
attachmentRoutes(router);
billingRoutes(router);
socketRoutes(router);

/** API responses are never cached and never sniffed. WebSocket upgrades pass through untouched. */
function withSecurityHeaders(response: Response): Response {
	if (response.status === 101 || response.webSocket) return response;
	return withHeaders(response, (headers) => {
		headers.set("Cache-Control", headers.get("Cache-Control") ?? "no-store");
		headers.set("X-Content-Type-Options", "nosniff");
	});
}
