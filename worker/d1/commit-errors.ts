// Telling a failed commit batch's two expected outcomes apart from real failures. D1 reports no
// structured error code across the binding, only SQLite's message as text (wrapped: "D1_ERROR:
// …", sometimes with the original as `cause`), so the store recognises its own constraints by
// name: the guards table's named CHECK, and the operations table's primary key. Anything else
// (a syntax error, an overloaded database, a foreign key) is rethrown as it came.
import { CommitConflict, DuplicateOperation } from "../../objects/domain/store";

/** A guard row was refused: an expectation of the plan no longer held (see guards.ts). */
const GUARD_FAILED = /CHECK constraint failed: guard_holds\b/;

/** Another batch recorded the same (tenant, actor, operation id) first. */
const OPERATION_TAKEN = /UNIQUE constraint failed: operations\.(tenant_id|actor_id|op_id)\b/;

/** The domain's error for an expected refusal, or `error` itself. */
export function toCommitError(error: unknown): unknown {
	const text = messagesOf(error);
	if (GUARD_FAILED.test(text))
		return new CommitConflict("Something this change relied on was changed meanwhile.", { cause: error });
	if (OPERATION_TAKEN.test(text))
		return new DuplicateOperation("This operation id was committed meanwhile.", { cause: error });
	return error;
}

/** The message of an error and of the causes it wraps, whatever D1 layer added which. */
function messagesOf(error: unknown): string {
	const messages: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && isErrorLike(current); depth++) {
		messages.push(String(current.message));
		current = current.cause;
	}
	if (messages.length === 0) messages.push(String(error));
	return messages.join("\n");
}

/** Errors that crossed an isolate boundary may have lost their class but keep their message. */
function isErrorLike(value: unknown): value is { message: unknown; cause?: unknown } {
	return typeof value === "object" && value !== null && "message" in value;
}
