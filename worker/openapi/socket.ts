// The one WebSocket route (worker/routes/socket.ts): an authenticated, Origin-checked upgrade.
import { z } from "zod";
import type { Area } from "./area";

export const socketArea: Area = {
	tag: "Live",
	description:
		"A board's live events and presence over a WebSocket. The frames are shared/protocol.ts: send `sync` with the last sequence seen, then operations.",
	routes: [
		{
			method: "get",
			path: "/api/t/:slug/ws",
			summary: "Open a board's WebSocket",
			description:
				"Send `Upgrade: websocket`. Authenticated like any tenant route, or by a ticket from POST /ws-ticket; the Origin must be this site's.",
			access: "member",
			query: z.object({
				board: z.string().meta({ description: "The board to watch." }),
				ticket: z.string().optional().meta({ description: "A ticket, for clients that cannot send the cookie." }),
			}),
			answers: { 101: { description: "Switching protocols: the socket is open." } },
			errors: ["bad_request"],
		},
	],
};
