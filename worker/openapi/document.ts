// The OpenAPI 3.1 document of the whole HTTP API, built from the route table (one file per area,
// beside worker/routes/) and the zod schemas in shared/. Built once per isolate, on first request.
import { createDocument } from "zod-openapi";
import { adminArea } from "./admin";
import type { Area } from "./area";
import { attachmentArea } from "./attachments";
import { billingArea } from "./billing";
import { boardArea } from "./boards";
import { exportArea } from "./exports";
import { fleetArea } from "./fleet";
import { inviteArea } from "./invites";
import { memberArea } from "./members";
import { type RouteEntry, toOpenApiPath, toOperation } from "./route-entry";
import { serviceArea } from "./service";
import { sessionArea } from "./session";
import { socketArea } from "./socket";

/** The areas in the order the docs page shows them. A new routes/ file gets its area here. */
export const AREAS: Area[] = [
	serviceArea,
	sessionArea,
	boardArea,
	attachmentArea,
	socketArea,
	memberArea,
	inviteArea,
	billingArea,
	exportArea,
	adminArea,
	fleetArea,
];

const SECURITY_SCHEMES = {
	sessionCookie: {
		type: "apiKey",
		in: "cookie",
		name: "boardroom_session",
		description: "The session cookie that signing in sets (HttpOnly). Writes with it must come from this site's pages.",
	},
	tenantBearer: {
		type: "http",
		scheme: "bearer",
		description: "A session token (the `token` from signing in) or a workspace API key (`brk_…`).",
	},
	adminToken: {
		type: "http",
		scheme: "bearer",
		description:
			"The deployment's ADMIN_TOKEN secret. The optional x-operator header names who acts, for the audit log.",
	},
} as const;

let built: object | undefined;

/** The document, built on first use and kept for the isolate's life. */
export function openApiDocument(): object {
	built ??= buildDocument();
	return built;
}

function buildDocument(): object {
	const paths: Record<string, Record<string, ReturnType<typeof toOperation>>> = {};
	for (const area of AREAS)
		for (const entry of area.routes) {
			const path = toOpenApiPath(entry.path);
			paths[path] = { ...paths[path], [entry.method]: toOperation(entry, area.tag) };
		}
	return createDocument({
		openapi: "3.1.0",
		info: {
			title: "Boardroom API",
			version: "1",
			summary: "Collaborative task boards, one SQLite Durable Object per workspace.",
			description:
				'Errors are always `{"error":{"code","message"}}` with a meaningful status; another workspace\'s resources answer 404. Every answer carries x-request-id.',
		},
		tags: AREAS.map((area) => ({ name: area.tag, description: area.description })),
		paths,
		components: { securitySchemes: SECURITY_SCHEMES },
	});
}

export type { RouteEntry };
