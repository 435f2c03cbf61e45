import { Anchor, Image, Modal, Stack, Text } from '@mantine/core';
import { toSVG } from 'bwip-js/browser';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../../../shared/contract';
import { runtime } from '../../../api/client';

/** The sign-in page of this server with the person's name filled in: what the QR code opens. */
export function pairingUrl(origin: string, name: string): string {
  return `${origin}/?${new URLSearchParams({ name }).toString()}`;
}

/**
 * Pairing a phone: a QR code that opens this server's sign-in page for one named person. It
 * carries no secret; the person signs in there with their own password.
 */
export function PairPhoneModal({ person, onClose }: { person: PersonView; onClose: () => void }) {
  const { t } = useTranslation();
  const url = runtime === 'browser' ? pairingUrl(window.location.origin, person.name) : null;
  const svg = useMemo(
    () => (url ? toSVG({ bcid: 'qrcode', text: url, scale: 4, paddingwidth: 2, paddingheight: 2 }) : null),
    [url],
  );
  return (
    <Modal opened onClose={onClose} title={t('settings.people.pair.title', { name: person.name })} centered>
      {url && svg ? (
        <Stack gap="sm" align="center" data-testid="pair-phone">
          <Text fz="sm">{t('settings.people.pair.scan', { name: person.name })}</Text>
          <Image
            src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
            alt={t('settings.people.pair.qrAlt', { name: person.name })}
            w={220}
            h={220}
            fit="contain"
            data-testid="pair-qr"
            data-url={url}
          />
          <Anchor
            href={url}
            fz="xs"
            style={{ overflowWrap: 'anywhere' }}
            target="_blank"
            rel="noopener noreferrer"
          >
            {url}
          </Anchor>
          <Text fz="xs" c="dimmed">
            {t('settings.people.pair.note', { name: person.name })}
          </Text>
        </Stack>
      ) : (
        <Text fz="sm" data-testid="pair-phone-desktop">
          {t('settings.people.pair.desktop')}
        </Text>
      )}
    </Modal>
  );
}
