import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface SessionState {
  /** The profile acting in this window; null before one is chosen (or when none exists). */
  readonly profileId: number | null;
  /** True once the person has passed the start screen in this window. */
  readonly entered: boolean;
  enter(profileId: number | null): void;
  leave(): void;
}

/**
 * Who is at the desk in this window. Kept in sessionStorage: a reload keeps it, a new window
 * (or a colleague opening the browser mode elsewhere) starts at the profile picker again.
 */
export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      profileId: null,
      entered: false,
      enter: (profileId) => set({ profileId, entered: true }),
      leave: () => set({ profileId: null, entered: false }),
    }),
    {
      name: 'rebound.session',
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state) => ({ profileId: state.profileId, entered: state.entered }),
    },
  ),
);
