import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IncomingMailRegister } from '../mail/IncomingMailRegister';
import { DayBook } from './DayBook';
import { IncomingRegister } from './IncomingRegister';
import { OutgoingPost } from './OutgoingPost';

/** Tab value (also in the test id) and its label key. */
const POST_TABS = [
  ['incoming', 'incoming'],
  ['outgoing', 'outgoing'],
  ['day-book', 'dayBook'],
  ['email', 'email'],
] as const;

/** The post room: the incoming register, outgoing post to log as posted, the day book, and the incoming-e-mail register (issue 17). */
export function PostRoomPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="page-postRoom" maw={1200}>
      <Title order={1}>{t('nav.postRoom')}</Title>
      <Tabs defaultValue="incoming" keepMounted={false}>
        <Tabs.List>
          {POST_TABS.map(([value, label]) => (
            <Tabs.Tab key={value} value={value} data-testid={`post-tab-${value}`}>
              {t(`postRoom.tabs.${label}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="incoming" pt="md">
          <IncomingRegister />
        </Tabs.Panel>
        <Tabs.Panel value="outgoing" pt="md">
          <OutgoingPost />
        </Tabs.Panel>
        <Tabs.Panel value="day-book" pt="md">
          <DayBook />
        </Tabs.Panel>
        <Tabs.Panel value="email" pt="md">
          <IncomingMailRegister />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
