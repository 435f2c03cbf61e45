import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Input, MethodName, Output } from '../../../shared/contract';
import { call, errorMessage } from '../api/client';
import { callWhileLeaving } from '../api/leaving';
import { i18next } from '../i18n';
import { defer, flush, useDeferred, type DeferredNotice } from '../state/deferred';
import { Keys } from './common';

export interface DeferOptions<M extends MethodName> {
  readonly method: M;
  readonly input: Input<M>;
  /** What the action is about (`item:12`): those rows show as pending until it is sent. */
  readonly keys: readonly string[];
  /**
   * What will happen, shown beside Undo ("R-1234 will be approved"); drawn with the words of the
   * language shown at that moment, so a language changed during the countdown changes it too.
   */
  readonly waiting: (t: TFunction) => string;
  /** What happened, once the service answered. */
  readonly done: (t: TFunction, output: Output<M>) => string;
  /** After the service answered (not when the window was closing and nobody waits for it). */
  readonly onSent?: (output: Output<M>) => void;
}

export type Defer = <M extends MethodName>(options: DeferOptions<M>) => void;

/** The notice while Undo is still possible: what will happen, a countdown and the button. */
function WaitingNotice({
  text,
  sendsAt,
  onUndo,
}: {
  text: (t: TFunction) => string;
  sendsAt: number;
  onUndo: () => void;
}) {
  const { t } = useTranslation();
  const secondsLeft = () => Math.max(0, Math.ceil((sendsAt - Date.now()) / 1000));
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsLeft()), 250);
    return () => clearInterval(timer);
    // secondsLeft only reads sendsAt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sendsAt]);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="undo-notice">
      <Stack gap={0} miw={0}>
        <Text fz="sm">{text(t)}</Text>
        <Text fz="xs" c="dimmed" className="rb-num">
          {t('undo.sendsIn', { count: left })}
        </Text>
      </Stack>
      <Button
        size="compact-sm"
        variant="light"
        onClick={onUndo}
        // The sentence wraps rather than the button: "Rückgängig" is long.
        style={{ flexShrink: 0 }}
        data-testid="undo"
        rightSection={<Keys keys={['Ctrl', 'Z']} />}
      >
        {t('undo.undo')}
      </Button>
    </Group>
  );
}

let noticeCount = 0;

/** One Mantine notification that follows a deferred action from Undo to sent (or refused). */
function notice(waiting: (t: TFunction) => string, done: (t: TFunction) => string): DeferredNotice {
  const id = `deferred-${++noticeCount}`;
  return {
    waiting: (onUndo, sendsAt) =>
      notifications.show({
        id,
        color: 'blue',
        autoClose: false,
        withCloseButton: false,
        message: <WaitingNotice text={waiting} sendsAt={sendsAt} onUndo={onUndo} />,
      }),
    undone: () =>
      notifications.update({
        id,
        color: 'gray',
        autoClose: 3_000,
        withCloseButton: true,
        message: (
          <Text fz="sm" data-testid="undo-undone">
            {i18next.t('undo.undone')}
          </Text>
        ),
      }),
    sent: () =>
      notifications.update({
        id,
        color: 'green',
        autoClose: 4_000,
        withCloseButton: true,
        message: (
          <Stack gap={0} data-testid="undo-sent">
            <Text fz="sm">{done(i18next.t)}</Text>
            <Text fz="xs" c="dimmed">
              {i18next.t('undo.sent')}
            </Text>
          </Stack>
        ),
      }),
    failed: (error) =>
      notifications.update({
        id,
        color: 'red',
        autoClose: false,
        withCloseButton: true,
        title: waiting(i18next.t),
        message: errorMessage(error),
      }),
  };
}

/**
 * Decisions that are easy to take by mistake (approve, reject, end a listing) wait a few seconds
 * with an Undo before they are sent. Undo (the button, or Ctrl+Z / Cmd+Z while it shows) means
 * nothing reaches the services; once sent, the notice says it can no longer be undone. When the
 * component using this leaves the screen, what it deferred is sent at once, so the next screen
 * shows it done.
 */
export function useDeferredAction(): Defer {
  const owner = useId();
  useEffect(() => () => flush(owner), [owner]);
  return useCallback(
    <M extends MethodName>(options: DeferOptions<M>) => {
      let output: Output<M> | undefined;
      defer({
        owner,
        keys: options.keys,
        send: async (leaving) => {
          if (leaving) return callWhileLeaving(options.method, options.input);
          output = await call(options.method, options.input);
          options.onSent?.(output);
          return output;
        },
        notice: notice(options.waiting, (t) => options.done(t, output as Output<M>)),
      });
    },
    [owner],
  );
}

/** The keys of every action that waits or is being sent, to show those rows as pending. */
export function usePendingKeys(): ReadonlySet<string> {
  const entries = useDeferred((s) => s.entries);
  return useMemo(() => new Set([...entries.values()].flatMap((e) => e.keys)), [entries]);
}
