// The one WebSocket route. The Worker authenticates the upgrade, checks its Origin, and hands a
// fresh request to the tenant object carrying only the identity it verified — never the
// client's own headers, so nothing a client sends (x-partykit-*, our credential header) gets through.
import { CREDENTIAL_HEADER } from "../../objects/domain/collaboration";
import { WOKE_HEADER } from "../../objects/tenant/tenant";
import { fields } from "../../shared/api";
import { socketCredentialFor } from "../auth";
import { type ApiRouter, HttpError } from "../http";
import { noteObject } from "../request-log";
import { admitCaller } from "../tenant-gate";
import { parseSlug, socketServer } from "../tenant-stub";

const FORWARDED_HEADERS = [
	"upgrade",
	"connection",
	"sec-websocket-key",
	"sec-websocket-version",
	"sec-websocket-protocol",
	"sec-websocket-extensions",
];

export function socketRoutes(router: ApiRouter): void {
	router.get("/api/t/:slug/ws", async (request, env, ctx) => {
		if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
			throw new HttpError("bad_request", "This route only accepts WebSocket upgrades.");
		}
		const url = new URL(request.url);
		const origin = request.headers.get("origin");
		if (origin !== null && origin !== url.origin)
			throw new HttpError("forbidden", "WebSocket connections must come from this site.");
		const slug = parseSlug(request.params.slug);
		const credential = await socketCredentialFor(request, env, slug);
		await admitCaller(request, env, ctx, slug, credential);
		const board = fields.id.safeParse(url.searchParams.get("board"));
		if (!board.success) throw new HttpError("bad_request", "Name the board to watch: ?board=<boardId>.");

		const headers = new Headers();
		for (const name of FORWARDED_HEADERS) {
			const value = request.headers.get(name);
			if (value !== null) headers.set(name, value);
		}
		headers.set(CREDENTIAL_HEADER, JSON.stringify(credential));
		const inner = new URL(`https://tenant.internal/ws`);
		inner.searchParams.set("board", board.data);
		const upgraded = await socketServer(env, slug).fetch(new Request(inner, { headers }));
		noteObject(request, upgraded.headers.has(WOKE_HEADER));
		return upgraded;
	});
}
