/**
 * Issue 18: the other cases of this complainant (same e-mail, telephone, or name and postcode, or
 * linked by hand), each a link to its case, with "Link" and "Unlink" recorded on both timelines.
 * P-7.1: the main process lists only cases the person may open.
 */
import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { SectionCard } from '../../components/SectionCard';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { RelatedCase } from '@shared/domain/views';
import { call } from '../../api/client';
import { apiQueryKey, useApiQuery } from '../../api/queries';
import { StatusText } from '../../common/StatusText';
import { useFormatters } from '../../common/format';
import { useErrors } from '../../errors/useErrors';
import { useCan } from '../../session/SessionContext';

export function RelatedCasesPanel({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errors = useErrors();
  const client = useQueryClient();
  const can = useCan();
  const related = useApiQuery('cases.related', { caseId }, { retry: false });
  if (!related.data) return null;

  const setLink = async (other: RelatedCase, linked: boolean) => {
    try {
      const next = await call('cases.link', { caseId, otherCaseId: other.id, linked });
      client.setQueryData(apiQueryKey('cases.related', { caseId }), next);
      notifications.show({ message: t(linked ? 'workspace.relatedCases.linkedDone' : 'workspace.relatedCases.unlinkedDone', { reference: other.reference }) });
    } catch (error) {
      const { fields, general } = errors.fields(error);
      notifications.show({ color: 'red', message: general ?? Object.values(fields)[0] ?? t('common.fixErrors') });
    }
  };

  return (
    <SectionCard title={t('workspace.relatedCases.title')} gap="xs" data-testid="related-cases">
      {related.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('workspace.relatedCases.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {related.data.map((other) => (
              <Table.Tr key={other.id} data-testid={`related-${other.reference}`}>
                <Table.Td>
                  <Anchor component={Link} href={`/case/${other.id}`} ff="monospace" size="sm">
                    {other.reference}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(other.receivedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <StatusText stage={other.stage} status={other.status} />
                  </Text>
                  <Group gap={4}>
                    {other.linked && (
                      <Badge size="xs" variant="light">
                        {t('workspace.relatedCases.linked')}
                      </Badge>
                    )}
                    {other.matchedBy.map((match) => (
                      <Badge key={match} size="xs" variant="outline" color="gray">
                        {t(`workspace.relatedCases.matchedBy.${match}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {can('cases.link') && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => void setLink(other, !other.linked)}
                      aria-label={t(other.linked ? 'workspace.relatedCases.unlinkLabel' : 'workspace.relatedCases.linkLabel', { reference: other.reference })}
                      data-testid={other.linked ? 'unlink-case' : 'link-case'}
                    >
                      {t(other.linked ? 'workspace.relatedCases.unlink' : 'workspace.relatedCases.link')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
