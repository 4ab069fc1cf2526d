/**
 * What every panel needs: the store, the controller, the tracking view's controller and the translation function.
 */
import { createContext, useCallback, useContext } from "react";
import type { Language } from "../domain/types.ts";
import { translate, type MessageKey, type MessageParams } from "./i18n/i18n.ts";
import type { Controller } from "./state/controller.ts";
import type { Preferences } from "./state/preferences.ts";
import type { TrackingController } from "./tracking/tracking_controller.ts";
import { useStore, type AppState, type Store } from "./state/store.ts";

export interface AppContextValue {
  store: Store<AppState>;
  controller: Controller;
  /** The listed-dead-zone tracking view's controller and its store (tracking_context.ts). */
  tracking: TrackingController;
}

export const AppContext = createContext<AppContextValue | null>(null);

/**
 * The app's store and controller.
 * @returns the context value; throws outside the provider (a programming error)
 */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp outside AppContext");
  return value;
}

/**
 * Reads a slice of the app state.
 * @param selector - picks the slice
 * @returns the slice
 */
export function useAppState<S>(selector: (state: AppState) => S): S {
  return useStore(useApp().store, selector);
}

/**
 * The preferences this browser remembers (CSV flavour, nearest carrier in exports, agency name).
 * @returns them, re-rendering when one changes
 */
export function usePreferences(): Preferences {
  return useAppState((state) => state.preferences);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The translation function for the current language.
 * @returns [t, language]
 */
export function useTranslation(): [Translate, Language] {
  const language = useAppState((state) => state.language);
  const t = useCallback<Translate>((key, params) => translate(language, key, params), [language]);
  return [t, language];
}
