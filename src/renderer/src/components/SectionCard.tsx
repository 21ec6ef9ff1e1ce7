/**
 * The frame every titled section of a page shares (settings cards, the subject-access panel, the
 * case's side panels): a bordered card with its heading, an optional line of introduction in dim
 * text, and its content stacked below. One home, so that the same kind of section looks the same
 * everywhere and its heading level stays right for the page's outline (a page's sections are
 * level 2, a section's subsections level 3).
 */
import { Paper, Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

const titleSize = { 2: 'h4', 3: 'h5' } as const;

export interface SectionCardProps {
  readonly title: ReactNode;
  readonly intro?: ReactNode;
  /** The heading's level in the page's outline: 2 for a page's section, 3 for a subsection. */
  readonly level?: 2 | 3;
  readonly gap?: MantineSpacing;
  readonly 'data-testid'?: string;
  readonly children: ReactNode;
}

export function SectionCard({ title, intro, level = 2, gap = 'sm', 'data-testid': testId, children }: SectionCardProps) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap={gap}>
        <Title order={level} size={titleSize[level]}>
          {title}
        </Title>
        {intro !== undefined && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
