// The API's description: GET /api/openapi.json, public, built once per isolate (worker/openapi/).
import type { ApiRouter } from "../http";
import { openApiDocument } from "../openapi/document";

export function docsRoutes(router: ApiRouter): void {
	router.get("/api/openapi.json", () =>
		Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
	);
}
