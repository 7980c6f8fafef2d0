// Files on cards (worker/routes/attachments.ts): small ones in one streamed PUT, large ones in
// resumable parts, and downloads. Uploads are raw bytes with a Content-Length, never multipart/form-data.
import { z } from "zod";
import {
	attachmentSchema,
	createUploadSchema,
	fileNameSchema,
	uploadCreatedSchema,
	uploadStatusSchema,
} from "../../shared/api";
import { MAX_SINGLE_UPLOAD_BYTES } from "../../shared/limits";
import { partReceiptSchema } from "../../shared/responses";
import type { Area } from "./area";
import { bytes } from "./parts";

/** The bytes themselves, with a Content-Length: streamed to storage, never chunked. */
const rawBody = bytes("*/*");

export const attachmentArea: Area = {
	tag: "Attachments",
	description: `Files up to ${MAX_SINGLE_UPLOAD_BYTES / 1e6} MB go up in one PUT; larger ones in parts (create an upload, PUT its parts, complete it). Downloads are always safe to open: only real images show inline.`,
	routes: [
		{
			method: "put",
			path: "/api/t/:slug/cards/:cardId/attachments",
			summary: "Upload a file in one request",
			description: "The body is the file, with a Content-Length; its Content-Type is the file's type.",
			access: "writer",
			query: z.object({ name: fileNameSchema.meta({ description: "The file's name, as people see it." }) }),
			body: rawBody,
			answers: { 201: { description: "The attachment, with the SHA-256 of what arrived.", schema: attachmentSchema } },
			errors: [
				"validation_failed",
				"length_required",
				"payload_too_large",
				"unsupported_media_type",
				"bad_request",
				"plan_limit",
			],
		},
		{
			method: "post",
			path: "/api/t/:slug/cards/:cardId/uploads",
			summary: "Start a multipart upload",
			access: "writer",
			body: createUploadSchema,
			answers: { 201: { description: "Where to send the parts, and how large each is.", schema: uploadCreatedSchema } },
			errors: ["plan_limit", "conflict"],
		},
		{
			method: "put",
			path: "/api/t/:slug/uploads/:uploadId/parts/:partNumber",
			summary: "Send one part",
			description:
				"The body is the part, with a Content-Length: every part but the last has exactly partSize bytes. Sending a part again replaces it.",
			access: "writer",
			body: rawBody,
			answers: { 200: { description: "The part as stored.", schema: partReceiptSchema } },
			errors: ["validation_failed", "length_required", "bad_request"],
		},
		{
			method: "get",
			path: "/api/t/:slug/uploads/:uploadId",
			summary: "What arrived of an upload",
			description: "To resume after a reload: send only the parts not listed.",
			access: "member",
			answers: { 200: { description: "The upload and its parts.", schema: uploadStatusSchema } },
		},
		{
			method: "post",
			path: "/api/t/:slug/uploads/:uploadId/complete",
			summary: "Complete an upload",
			access: "writer",
			answers: { 201: { description: "The attachment.", schema: attachmentSchema } },
			errors: ["conflict"],
		},
		{
			method: "delete",
			path: "/api/t/:slug/uploads/:uploadId",
			summary: "Abort an upload",
			access: "writer",
			answers: { 204: { description: "Aborted; its parts are gone." } },
		},
		{
			method: "get",
			path: "/api/t/:slug/attachments/:attachmentId",
			summary: "Download a file",
			description:
				"Content-Disposition: attachment (inline only for real images), nosniff, a strict CSP. Takes Range and If-None-Match.",
			access: "member",
			answers: {
				200: { description: "The file.", content: bytes("application/octet-stream") },
				206: { description: "The range asked for.", content: bytes("application/octet-stream") },
				304: { description: "Not modified since the ETag given." },
			},
			errors: ["range_not_satisfiable"],
		},
		{
			method: "delete",
			path: "/api/t/:slug/attachments/:attachmentId",
			summary: "Delete a file",
			access: "writer",
			answers: { 204: { description: "Deleted." } },
		},
	],
};
