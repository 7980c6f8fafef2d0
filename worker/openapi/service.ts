// The service itself: whether it is up, and this description of it.
import { healthSchema } from "../../shared/responses";
import type { Area } from "./area";

export const serviceArea: Area = {
	tag: "Service",
	description: "Whether the service is up, which design answers, and this document.",
	routes: [
		{
			method: "get",
			path: "/api/health",
			summary: "Health",
			access: "public",
			answers: { 200: { description: "Up.", schema: healthSchema } },
		},
		{
			method: "get",
			path: "/api/openapi.json",
			summary: "This document",
			description: "The whole HTTP contract as OpenAPI 3.1, built from the zod schemas the Worker validates with.",
			access: "public",
			answers: {
				200: {
					description: "The OpenAPI 3.1 document.",
					content: { "application/json": { schema: { type: "object" } } },
				},
			},
		},
	],
};
