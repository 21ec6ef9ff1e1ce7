/** The titled card sections share: its heading at the level asked for, its introduction when it has one, its content. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test-support/render';
import { SectionCard } from './SectionCard';

describe('a section card', () => {
  it("is a page's section by default: a level-2 heading, the introduction, then the content", () => {
    renderWithProviders(
      <SectionCard title="Backups" intro="Copies of this device's data" data-testid="card">
        <p>Content</p>
      </SectionCard>,
    );
    const card = screen.getByTestId('card');
    expect(screen.getByRole('heading', { level: 2, name: 'Backups' })).toBeTruthy();
    expect(card.textContent).toBe("BackupsCopies of this device's dataContent");
  });

  it('a subsection has a level-3 heading, and no introduction when it has none', () => {
    renderWithProviders(
      <SectionCard title="Who has seen this case" level={3} data-testid="card">
        <p>Content</p>
      </SectionCard>,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Who has seen this case' })).toBeTruthy();
    expect(screen.getByTestId('card').textContent).toBe('Who has seen this caseContent');
  });
});
