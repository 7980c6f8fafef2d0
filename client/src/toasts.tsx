// Toasts: short-lived messages for errors and confirmations, announced to screen readers.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

type ToastKind = "error" | "info" | "success";
interface Toast {
	id: number;
	kind: ToastKind;
	message: string;
}

type Notify = (message: string, kind?: ToastKind) => void;
const ToastContext = createContext<Notify>(() => undefined);

/** Shows a toast; defaults to an error because that is what most call sites report. */
export function useToast(): Notify {
	return useContext(ToastContext);
}

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
	const [toasts, setToasts] = useState<Toast[]>([]);
	const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
	const notify = useCallback<Notify>(
		(message, kind = "error") => {
			const id = nextId++;
			setToasts((all) => [...all.filter((t) => t.message !== message), { id, kind, message }].slice(-4));
			window.setTimeout(() => dismiss(id), kind === "error" ? 7000 : 4000);
		},
		[dismiss],
	);
	const value = useMemo(() => notify, [notify]);
	return (
		<ToastContext.Provider value={value}>
			{children}
			<div className="toasts" aria-live="polite">
				{toasts.map((t) => (
					<div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === "error" ? "alert" : "status"}>
						<span>{t.message}</span>
						<button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
							×
						</button>
					</div>
				))}
			</div>
		</ToastContext.Provider>
	);
}
