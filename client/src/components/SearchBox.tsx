// The top bar's search field: cards and comments across the workspace. Submitting goes to the
// search page (a chunk of its own), whose address keeps the query, so results can be shared and
// the back button returns to them.
import { type FormEvent, useEffect, useState } from "react";
import { navigate, searchHref, useSearchParam } from "../router";

export function SearchBox({ slug }: { slug: string }) {
	const current = useSearchParam("q");
	const [query, setQuery] = useState(current ?? "");
	useEffect(() => {
		if (current !== null) setQuery(current);
	}, [current]);
	const submit = (event: FormEvent) => {
		event.preventDefault();
		if (query.trim()) navigate(searchHref(slug, query.trim()));
	};
	return (
		<search className="topbar-search">
			<form onSubmit={submit}>
				<label htmlFor="search-input" className="visually-hidden">
					Search cards and comments
				</label>
				<input
					id="search-input"
					data-testid="search-input"
					type="search"
					placeholder="Search"
					maxLength={200}
					value={query}
					onChange={(e) => setQuery(e.target.value)}
				/>
			</form>
		</search>
	);
}
