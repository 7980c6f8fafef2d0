// An anchor that navigates client-side on a plain click and behaves normally on ctrl/cmd/middle click.
import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { navigate } from "../router";

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
	const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
		onClick?.(event);
		if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
		event.preventDefault();
		navigate(href);
	};
	return <a href={href} onClick={handleClick} {...rest} />;
}
