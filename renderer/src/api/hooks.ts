import {
  keepPreviousData,
  QueryCache,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Input, MethodName, Output, ServerEvent } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { i18next } from '../i18n';
import { call, subscribeToEvents } from './client';

export type CallKey<M extends MethodName> = readonly [M, Input<M>];

export function callKey<M extends MethodName>(method: M, input: Input<M>): CallKey<M> {
  return [method, input];
}

/** The client createQueryClient made, for its own error handler (it exists before the client). */
const queryClientRef: { current: QueryClient | null } = { current: null };

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The session ended (signed out elsewhere, revoked, idle too long): back to sign-in.
        if (error instanceof AppError && error.code === 'unauthorized') {
          const client = queryClientRef.current;
          if (client?.getQueryData<{ me: unknown }>(callKey('session.me', {}))?.me) {
            notifications.show({ color: 'orange', message: i18next.t('errors.sessionEnded') });
            void client.invalidateQueries({ queryKey: callKey('session.me', {}) });
          }
        }
      },
    }),
    defaultOptions: {
      queries: {
        // Data changes reach us as events, so nothing needs refetching on focus or on a timer.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        retry: (count, error) => count < 2 && !(error instanceof AppError),
      },
    },
  });
  queryClientRef.current = client;
  return client;
}

/** A query on one contract method; the key is the method and its input. */
export function useCall<M extends MethodName, T = Output<M>>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, Error, T, CallKey<M>>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery({
    queryKey: callKey(method, input),
    queryFn: () => call(method, input),
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** A write through one contract method. Caches refresh through the `changed` event it causes. */
export function useCallMutation<M extends MethodName>(method: M) {
  return useMutation<Output<M>, Error, Input<M>>({ mutationFn: (input) => call(method, input) });
}

/**
 * Whether a query on `method` may be out of date after `domains` changed. Settings only touch
 * settings; any other change can move counts, lists and figures on every screen, so those are
 * all refreshed (only the ones on screen refetch; the rest are marked stale).
 */
export function isAffected(method: string, domains: readonly string[]): boolean {
  const domain = method.split('.')[0] ?? method;
  if (domains.includes(domain) || domains.includes('*')) return true;
  return domain !== 'settings' && domains.some((d) => d !== 'settings');
}

export interface Progress {
  readonly task: string;
  readonly done: number;
  readonly total: number;
}

/** Background work the main side reports (`progress` events), by task; finished tasks drop out. */
export const useBackgroundWork = create<{ readonly tasks: ReadonlyMap<string, Progress> }>()(() => ({
  tasks: new Map(),
}));

function recordProgress(event: Progress): void {
  const next = new Map(useBackgroundWork.getState().tasks);
  if (event.done >= event.total) next.delete(event.task);
  else next.set(event.task, { task: event.task, done: event.done, total: event.total });
  useBackgroundWork.setState({ tasks: next });
}

/**
 * Listens to the main side for as long as the app is mounted: `changed` events invalidate the
 * affected queries, `progress` events feed the background-work indicator.
 */
export function useServerEvents(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribeToEvents(
        (event: ServerEvent) => {
          if (event.type === 'changed') {
            void client.invalidateQueries({
              predicate: (query) => isAffected(String(query.queryKey[0]), event.domains),
            });
          } else {
            recordProgress(event);
          }
        },
        () => void client.invalidateQueries(),
      ),
    [client],
  );
}
