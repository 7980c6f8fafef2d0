// A card's title and description. Both are saved together, as one card.update, when the user is
// done with them: focus leaves the pair, Enter in the title, or the dialog closes. Saving each
// field on its own blur made one edit of both two operations and two identical activity lines.
import { type FocusEvent, useEffect, useRef, useState } from "react";
import type { Card } from "../../../shared/api";
import { useBoard } from "../board-context";
import { isTempId } from "../board-state";

type Field = "title" | "description";
type Draft = Record<Field, string>;

const FIELDS: readonly Field[] = ["title", "description"];

export function CardFields({ cardId }: { cardId: string }) {
	const { board, canWrite, send } = useBoard();
	const card = board.cards.find((c) => c.id === cardId);
	const readOnly = !canWrite || isTempId(cardId);
	const [draft, setDraft] = useState<Draft>({ title: card?.title ?? "", description: card?.description ?? "" });
	// The card's values the draft started from: a field differing from its base is the user's edit.
	const base = useRef<Draft>(draft);
	const focused = useRef<Field | null>(null);
	const fields = useRef<HTMLDivElement>(null);
	// Read by the save that runs when the dialog closes, after the last render.
	const latest = useRef({ draft, card, readOnly, send });
	latest.current = { draft, card, readOnly, send };

	// Follow remote edits and rollbacks, except in a field the user is typing in or has changed.
	useEffect(() => {
		if (!card) return;
		const current = latest.current.draft;
		const next = { ...current };
		for (const field of FIELDS) {
			if (focused.current === field || current[field] !== base.current[field]) continue;
			next[field] = card[field];
			base.current = { ...base.current, [field]: card[field] };
		}
		setDraft(next);
	}, [card]);

	const save = useRef(() => {
		const { draft, card, readOnly, send } = latest.current;
		if (!card || readOnly) return;
		const change = changedFields(draft, base.current);
		base.current = { title: change.title ?? base.current.title, description: draft.description };
		// An emptied title is not a title: put the last one back.
		if (!draft.title.trim()) setDraft((d) => ({ ...d, title: base.current.title }));
		if (change.title === undefined && change.description === undefined) return;
		send({ type: "card.update", boardId: card.boardId, cardId: card.id, version: card.version, ...change });
	}).current;
	// Closing the dialog with Escape or the backdrop unmounts the fields without a blur: save then.
	useEffect(() => save, [save]);

	if (!card) return null;
	const bind = (field: Field) => ({
		readOnly,
		value: draft[field],
		onFocus: () => {
			focused.current = field;
		},
		onBlur: (event: FocusEvent<HTMLTextAreaElement>) => {
			focused.current = null;
			// Moving between title and description is still editing; leaving both is done.
			if (!fields.current?.contains(event.relatedTarget as Node | null)) save();
		},
	});
	return (
		<div className="card-fields" ref={fields}>
			<label className="visually-hidden" htmlFor="card-title-input">
				Title
			</label>
			<textarea
				id="card-title-input"
				data-testid="card-title-input"
				className="card-title-input"
				rows={1}
				maxLength={200}
				{...bind("title")}
				onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value.replace(/\n/g, "") }))}
				onKeyDown={(e) => {
					if (e.key === "Enter") {
						e.preventDefault();
						e.currentTarget.blur();
					}
				}}
			/>
			<label htmlFor="card-description">Description</label>
			<textarea
				id="card-description"
				data-testid="card-description-input"
				rows={4}
				maxLength={10_000}
				placeholder={readOnly ? "No description." : "Add more detail…"}
				{...bind("description")}
				onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
			/>
		</div>
	);
}

/** The fields the user changed, title trimmed (an empty title is no change). */
function changedFields(draft: Draft, base: Draft): Partial<Pick<Card, Field>> {
	const title = draft.title.trim();
	return {
		...(title && title !== base.title ? { title } : {}),
		...(draft.description !== base.description ? { description: draft.description } : {}),
	};
}
