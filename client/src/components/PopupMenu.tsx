// A button that opens a small menu. The menu is rendered into <body> at a fixed position taken
// from the button's rect, so no scroll box (a list's cards, the board's columns) can clip it.
import {
	type KeyboardEvent,
	type ReactNode,
	useCallback,
	useEffect,
	useId,
	useLayoutEffect,
	useRef,
	useState,
} from "react";
import { createPortal } from "react-dom";

export interface MenuAction {
	/** Unique among the menu's actions; the label when omitted. */
	key?: string;
	label: string;
	onSelect: () => void;
	disabled?: boolean;
	danger?: boolean;
}

interface PopupMenuProps {
	/** The button's accessible name, e.g. "Move card Write the notes". */
	label: string;
	actions: readonly MenuAction[];
	buttonClassName?: string;
	/** What the button shows (an icon); the label is what assistive technology reads. */
	children: ReactNode;
	/** Extra keys on the button, e.g. Alt+arrows to move without opening the menu. */
	onButtonKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
	/** Announced with the button, for keys handled by onButtonKeyDown. */
	keyShortcuts?: string;
}

const GAP = 6;
const MARGIN = 8;

export function PopupMenu(props: PopupMenuProps) {
	const { label, actions, buttonClassName, children, onButtonKeyDown, keyShortcuts } = props;
	const [open, setOpen] = useState(false);
	const button = useRef<HTMLButtonElement>(null);
	const menu = useRef<HTMLDivElement>(null);
	const id = useId();

	const close = useCallback((refocus: boolean) => {
		setOpen(false);
		if (refocus) button.current?.focus();
	}, []);

	// Placed before paint: below the button, right-aligned, flipped above it when there is no room below.
	useLayoutEffect(() => {
		if (open && button.current && menu.current) place(menu.current, button.current.getBoundingClientRect());
	}, [open]);

	useEffect(() => {
		if (!open) return;
		items(menu.current)[0]?.focus();
		const onPointer = (e: PointerEvent) => {
			const target = e.target as Node;
			if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
		};
		// A fixed menu must follow its button when the page or a list scrolls (a phone's columns keep
		// snapping into place just after a tap), and closes once the button has scrolled out of sight.
		let frame = 0;
		const follow = () => {
			cancelAnimationFrame(frame);
			frame = requestAnimationFrame(() => {
				const anchor = button.current?.getBoundingClientRect();
				if (!anchor || !menu.current || !isOnScreen(anchor)) return close(false);
				place(menu.current, anchor);
			});
		};
		const onScroll = (e: Event) => {
			if (!menu.current?.contains(e.target as Node)) follow();
		};
		document.addEventListener("pointerdown", onPointer);
		window.addEventListener("scroll", onScroll, true);
		window.addEventListener("resize", follow);
		return () => {
			cancelAnimationFrame(frame);
			document.removeEventListener("pointerdown", onPointer);
			window.removeEventListener("scroll", onScroll, true);
			window.removeEventListener("resize", follow);
		};
	}, [open, close]);

	const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
		const all = items(menu.current);
		const index = all.indexOf(document.activeElement as HTMLButtonElement);
		const focusAt = (i: number) => all[(i + all.length) % all.length]?.focus();
		if (event.key === "Escape" || event.key === "Tab") {
			// Stop here: Escape must not also close a dialog or cancel an edit behind the menu.
			event.preventDefault();
			event.stopPropagation();
			close(true);
		} else if (event.key === "ArrowDown") focusAt(index + 1);
		else if (event.key === "ArrowUp") focusAt(index - 1);
		else if (event.key === "Home") focusAt(0);
		else if (event.key === "End") focusAt(all.length - 1);
		else return;
		event.preventDefault();
	};

	return (
		<>
			<button
				ref={button}
				type="button"
				className={`icon-button ${buttonClassName ?? ""}`}
				aria-haspopup="menu"
				aria-expanded={open}
				aria-controls={open ? id : undefined}
				aria-label={label}
				aria-keyshortcuts={keyShortcuts}
				onClick={() => setOpen((o) => !o)}
				onKeyDown={onButtonKeyDown}
			>
				{children}
			</button>
			{open &&
				createPortal(
					<div id={id} ref={menu} className="menu popup-menu" role="menu" aria-label={label} onKeyDown={onMenuKeyDown}>
						{actions.map((action) => (
							<button
								key={action.key ?? action.label}
								type="button"
								role="menuitem"
								className={`menu-item${action.danger ? " menu-item-danger" : ""}`}
								disabled={action.disabled}
								onClick={() => {
									close(true);
									action.onSelect();
								}}
							>
								{action.label}
							</button>
						))}
					</div>,
					document.body,
				)}
		</>
	);
}

function items(menu: HTMLElement | null): HTMLButtonElement[] {
	return menu ? [...menu.querySelectorAll<HTMLButtonElement>("[role=menuitem]:not([disabled])")] : [];
}

function isOnScreen(rect: DOMRect): boolean {
	return rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth;
}

/** Positions the menu in the viewport next to `anchor`, keeping it fully on screen. */
function place(menu: HTMLElement, anchor: DOMRect): void {
	const { offsetWidth: width, offsetHeight: height } = menu;
	const below = anchor.bottom + GAP;
	const above = anchor.top - GAP - height;
	const top = below + height <= window.innerHeight - MARGIN || above < MARGIN ? below : above;
	const left = Math.min(Math.max(MARGIN, anchor.right - width), window.innerWidth - width - MARGIN);
	menu.style.top = `${Math.max(MARGIN, top)}px`;
	menu.style.left = `${Math.max(MARGIN, left)}px`;
}
