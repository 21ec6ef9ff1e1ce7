/**
 * Post room acceptance: a clerk logs ten letters of mixed kinds in batch mode using the keyboard
 * only; the new cases have acknowledgement deadlines from the dates received (P-3.2); an
 * acknowledgement letter is generated, its PDF text holds the reference and the organisation's
 * address, and it is logged as posted; the day book lists all of it.
 */
import { PNG } from '../src/main/files/test-support/scan-files';
import { pdfText } from '../src/main/post-room/pdf-text';
import { api } from './support/api';
import { expect, test } from './support/fixtures';

const KIND_POSITION = { 'new-complaint': 0, correspondence: 1, 'escalation-request': 2, 'not-a-complaint': 3 } as const;

interface Letter {
  kind: keyof typeof KIND_POSITION;
  received: 'today' | 'yesterday';
  reference?: string;
  sender: string;
  address?: string;
  postcode?: string;
  routedTo?: string;
  summary: string;
  scan?: boolean;
}

function ukDate(date: Date): string {
  return `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`;
}

test('a clerk logs ten letters by keyboard; letters out are generated, posted and in the day book', async ({ plaint }, testInfo) => {
  test.setTimeout(240_000);
  const { page } = plaint;
  const keyboard = page.keyboard;
  const today = new Date();
  const yesterday = new Date(today.getTime() - 86_400_000);

  // Setup (not the clerk): a case whose stage-1 answer the customer is unhappy with.
  const settled = await api<{ caseId: string; reference: string }>(page, 'cases.create', {
    complainant: { name: 'Edith Crawley', email: 'edith@example.org', preferredChannel: 'email' },
    channel: 'email',
    receivedAt: new Date(today.getTime() - 5 * 86_400_000).toISOString(),
    type: 'service',
    summary: 'Late delivery',
  });
  for (const action of [
    { type: 'acknowledge', channel: 'email' },
    { type: 'startInvestigation' },
    { type: 'communicateResolution', rootCauseId: 'courier-handling', channel: 'email', summary: 'Apologised', outcome: 'partly-upheld' },
  ]) {
    await api(page, 'cases.act', { caseId: settled.caseId, action: { ...action, at: new Date(today.getTime() - 4 * 86_400_000).toISOString() } });
  }

  await page.getByTestId('nav-postRoom').click();
  const kind = page.getByTestId('letter-kind');
  await expect(kind).toBeFocused();

  const references: string[] = [];
  const log = async (letter: Letter) => {
    await expect(kind).toBeFocused();
    for (let i = 0; i < 3; i += 1) await keyboard.press('ArrowUp');
    for (let i = 0; i < KIND_POSITION[letter.kind]; i += 1) await keyboard.press('ArrowDown');
    await keyboard.press('Tab'); // date received
    await keyboard.type(ukDate(letter.received === 'today' ? today : yesterday));
    await keyboard.press('Tab'); // reference quoted, or date on the letter
    if (letter.reference) await keyboard.type(letter.reference);
    await keyboard.press('Tab'); // sender
    await keyboard.type(letter.sender);
    await keyboard.press('Tab'); // address
    if (letter.address) await keyboard.type(letter.address);
    await keyboard.press('Tab'); // country (GB), before the postcode it decides the format of
    await keyboard.press('Tab'); // postcode
    if (letter.postcode) await keyboard.type(letter.postcode);
    if (letter.kind === 'new-complaint' || letter.kind === 'not-a-complaint') {
      await keyboard.press('Tab'); // complaint type (kept), or routed to
      if (letter.routedTo) await keyboard.type(letter.routedTo);
    }
    await keyboard.press('Tab'); // summary
    await keyboard.type(letter.summary);
    if (letter.scan) {
      await keyboard.press('Tab'); // note
      for (let i = 0; i < 3; i += 1) await keyboard.press('Tab'); // sender's e-mail, telephone, customer number (optional, issue 18)
      await keyboard.press('Tab'); // choose files
      const chooser = page.waitForEvent('filechooser');
      await keyboard.press('Enter');
      await (await chooser).setFiles({ name: 'letter-scan.png', mimeType: 'image/png', buffer: PNG });
      await expect(page.getByText('letter-scan.png')).toBeVisible();
    }
    const before = await page.getByTestId('batch-count').textContent();
    await keyboard.press('Control+Enter');
    await expect(page.getByTestId('batch-count')).not.toHaveText(before ?? '');
    const first = page.getByTestId('batch-list').locator('tbody tr').first();
    if (letter.kind === 'new-complaint') references.push((await first.locator('a').textContent()) ?? '');
  };

  await log({
    kind: 'new-complaint',
    received: 'yesterday',
    sender: 'Margaret Hale',
    address: '12 Milton Road\nManchester',
    postcode: 'm11ae',
    summary: 'Leaking bottle in parcel',
    scan: true,
  });
  await log({
    kind: 'new-complaint',
    received: 'yesterday',
    sender: 'John Thornton',
    address: '3 Mill Lane\nLeeds',
    postcode: 'ls14ap',
    summary: 'Charged twice',
  });
  await log({ kind: 'new-complaint', received: 'today', sender: 'Anne Elliot', address: '8 Camden Place\nBath', postcode: 'ba12ap', summary: 'Rude driver' });
  await log({ kind: 'new-complaint', received: 'today', sender: 'Jānis Bērziņš', address: 'Brīvības iela 1\nRīga', summary: 'Parcel never arrived' });
  await log({ kind: 'correspondence', received: 'today', reference: references[0] ?? '', sender: 'Margaret Hale', summary: 'Sends photos of the damage' });
  await log({
    kind: 'correspondence',
    received: 'today',
    reference: (references[1] ?? '').toLowerCase(),
    sender: 'John Thornton',
    summary: 'Bank statement enclosed',
  });
  await log({ kind: 'escalation-request', received: 'today', reference: settled.reference, sender: 'Edith Crawley', summary: 'Not satisfied with the answer' });
  await log({ kind: 'not-a-complaint', received: 'today', sender: 'Acme Supplies', routedTo: 'Accounts', summary: 'Invoice 4471' });
  await log({ kind: 'not-a-complaint', received: 'yesterday', sender: 'Royal Mail', routedTo: 'Facilities', summary: 'Collection times' });
  await log({
    kind: 'new-complaint',
    received: 'today',
    sender: 'Catherine Morland',
    address: '1 Northanger Abbey\nGloucestershire',
    postcode: 'gl54 1aa',
    summary: 'Wrong item sent',
  });
  await expect(page.getByTestId('batch-count')).toHaveText('10 letters in this batch');

  // Undo for the last entry: a mistaken 11th letter.
  await log({ kind: 'not-a-complaint', received: 'today', sender: 'Mistake', routedTo: 'Nowhere', summary: 'Logged by accident' });
  await page.getByTestId('undo-last').click();
  await expect(page.getByTestId('batch-count')).toHaveText('10 letters in this batch');
  await page.screenshot({ path: testInfo.outputPath('post-room-batch.png'), fullPage: true });

  // The new cases' acknowledgement deadlines run from the dates received (P-3.2: office opening, 48 h).
  const letters = await api<{ kind: string; caseId: string | null; receivedOn: string; party: { postcode: string } }[]>(page, 'post.list', {});
  expect(letters.filter((letter) => letter.kind === 'new-complaint')).toHaveLength(5);
  expect(letters.find((letter) => letter.party.postcode === 'M1 1AE')).toBeTruthy(); // formatted UK postcode
  for (const letter of letters.filter((candidate) => candidate.kind === 'new-complaint')) {
    const detail = await api<{ case: { receivedAt: string; deadlines: { kind: string; dueAt: string }[] } }>(page, 'cases.get', { caseId: letter.caseId });
    expect(detail.case.receivedAt.slice(0, 10) <= letter.receivedOn).toBe(true);
    expect(Date.parse(detail.case.deadlines[0]!.dueAt) - Date.parse(detail.case.receivedAt)).toBe(48 * 3_600_000);
  }
  const escalated = await api<{ case: { stage: number; status: string } }>(page, 'cases.get', { caseId: settled.caseId });
  expect(escalated.case).toMatchObject({ stage: 2, status: 'escalation-requested' });

  // An acknowledgement letter for the first new case.
  await page.getByTestId('batch-list').getByRole('link', { name: references[0] }).last().click(); // the new-complaint row; a correspondence row links the same case
  await page.getByTestId('generate-letter').click();
  const composer = page.getByTestId('letter-composer');
  await expect(composer.getByTestId('letter-text')).toHaveValue(new RegExp(references[0] ?? 'x'));
  await composer.getByTestId('finalise-letter').click();
  await expect(composer).toBeHidden();
  const firstCaseId = letters.find((letter) => letter.party.postcode === 'M1 1AE')?.caseId;
  const caseLetters = await api<{ id: string; direction: string; files: { id: string }[] }[]>(page, 'post.list', { caseId: firstCaseId });
  const outgoing = caseLetters.find((letter) => letter.direction === 'out')!;
  const pdf = await api<{ dataBase64: string }>(page, 'post.file', { fileId: outgoing.files[0]!.id });
  const text = await pdfText(Buffer.from(pdf.dataBase64, 'base64'));
  expect(text).toContain(references[0]);
  expect(text).toContain('19-21 Crawford Street');
  expect(text).toContain('W1H 1PJ');
  await expect(page.getByTestId('letters-panel')).toContainText('Not posted yet');
  await page.screenshot({ path: testInfo.outputPath('case-letters.png'), fullPage: true });

  // Logged as posted.
  await page.getByTestId('nav-postRoom').click();
  await page.getByTestId('post-tab-outgoing').click();
  const row = page.getByTestId('awaiting-posting').locator(`[data-letter-id="${outgoing.id}"]`);
  await row.getByLabel('Tracking number').fill('AB123456789GB');
  await page.screenshot({ path: testInfo.outputPath('outgoing-post.png'), fullPage: true });
  await row.getByTestId('log-posting').click();
  await expect(page.getByText('No letters are waiting to be posted.')).toBeVisible();
  const acknowledged = await api<{ case: { status: string } }>(page, 'cases.get', { caseId: firstCaseId });
  expect(acknowledged.case.status).toBe('acknowledged'); // posting the acknowledgement letter acknowledges (P-3.2)

  // The day book lists all of it.
  await page.getByTestId('post-tab-day-book').click();
  await page.getByLabel('From').fill(yesterday.toLocaleDateString('en-CA'));
  const book = page.getByTestId('day-book-rows');
  await expect(book.locator('tbody tr')).toHaveCount(11);
  for (const name of ['Margaret Hale', 'John Thornton', 'Anne Elliot', 'Jānis Bērziņš', 'Edith Crawley', 'Acme Supplies', 'Royal Mail', 'Catherine Morland'])
    await expect(book).toContainText(name);
  await expect(book).toContainText('First class');
  await page.screenshot({ path: testInfo.outputPath('day-book.png'), fullPage: true });
});

test('bad input in the register: errors at the field, nothing saved', async ({ plaint }) => {
  const { page } = plaint;
  await page.getByTestId('nav-postRoom').click();
  await page.getByTestId('letter-kind').selectOption('correspondence');
  await page.getByTestId('letter-reference').fill('ABCD-0001-0');
  await expect(page.getByTestId('letter-reference')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('log-letter').click();
  await expect(page.getByText('Not a valid reference: the check character does not match').first()).toBeVisible();
  await page.getByTestId('letter-kind').selectOption('new-complaint');
  await page.getByTestId('letter-summary').fill('Something');
  await page.getByTestId('letter-postcode').fill('ZZ99 9ZZZ');
  await page.getByTestId('log-letter').click();
  await expect(page.getByText('Required').first()).toBeVisible(); // empty sender
  await expect(page.getByText('Not a valid UK postcode').first()).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files' }).click();
  await (await chooser).setFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024) });
  await expect(page.getByRole('alert').filter({ hasText: 'huge.pdf is larger than 20 MB' })).toBeVisible();

  // An impossible date and a file that only claims to be a PDF.
  await page.getByTestId('letter-received-on').fill('31/02/2026');
  await expect(page.getByText('Not a date: type e.g. 24/11/2026')).toBeVisible();
  await page.getByTestId('letter-sender').fill('Margaret Hale');
  await page.getByTestId('letter-postcode').fill('M1 1AE');
  const second = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files' }).click();
  await (await second).setFiles({ name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is not a scan') });
  await page.getByTestId('log-letter').click();
  await expect(page.getByTestId('letter-received-on')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('letter-received-on').fill('24/11/2026');
  await page.getByTestId('log-letter').click();
  await expect(page.getByText('broken.pdf is not a readable PDF, JPEG, PNG or TIFF file')).toBeVisible();
  await expect(page.getByTestId('batch-count')).toHaveText('0 letters in this batch');
});

test('the register: the country comes before the postcode, typing "LV" over "GB" replaces it, a known case fills in its complainant name, and Esc or Clear empties the letter (issue 18)', async ({
  plaint,
}) => {
  const { page } = plaint;
  await page.getByTestId('nav-postRoom').click();
  const country = page.getByTestId('letter-country');
  await expect(country).toHaveValue('GB');
  await country.click();
  await page.keyboard.type('lv');
  await expect(country).toHaveValue('LV');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('letter-postcode')).toBeFocused();

  // Esc clears the half-typed letter; so does the Clear button.
  // Post on a known case: its complainant's name is filled in, still editable.
  await page.getByTestId('letter-kind').selectOption('correspondence');
  const known = await page.evaluate(() =>
    (window as unknown as { plaint: { invoke(m: string, i: unknown): Promise<{ result: { reference: string } }> } }).plaint.invoke('cases.create', {
      channel: 'telephone',
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      complainant: { name: 'Anna Bērziņa', preferredChannel: 'telephone', phone: '+371 2000 0000' },
      type: 'product',
      summary: 'Broken kettle',
    }),
  );
  await page.getByTestId('letter-reference').fill(known.result.reference);
  await expect(page.getByTestId('letter-sender')).toHaveValue('Anna Bērziņa');
  await page.getByTestId('letter-sender').fill('Margaret Hale');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('letter-sender')).toHaveValue('');
  await page.getByTestId('letter-sender').fill('Margaret Hale');
  await page.getByTestId('clear-letter').click();
  await expect(page.getByTestId('letter-sender')).toHaveValue('');
});

test('the register keeps the letter being typed, the batch and Undo across Ctrl+K and the Outgoing tab, and focus goes to the first field in error (issue 18)', async ({
  plaint,
}) => {
  const { page } = plaint;
  const keyboard = page.keyboard;
  const known = await api<{ caseId: string; reference: string }>(page, 'cases.create', {
    channel: 'telephone',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    complainant: { name: 'Anna Bērziņa', preferredChannel: 'telephone', phone: '+371 2000 0000' },
    type: 'product',
    summary: 'Broken kettle',
  });
  await page.getByTestId('nav-postRoom').click();
  await page.getByTestId('letter-kind').selectOption('not-a-complaint');
  await page.getByTestId('letter-sender').fill('Acme Supplies');
  await page.getByTestId('letter-routed-to').fill('Accounts');
  await page.getByTestId('letter-summary').fill('Invoice 4471');
  await keyboard.press('Control+Enter');
  await expect(page.getByTestId('batch-count')).toHaveText('1 letter in this batch');

  // Half a letter typed, with the sender's contact details.
  await page.getByTestId('letter-sender').fill('Margaret Hale');
  await page.getByTestId('letter-email').fill('margaret@example.org');
  await page.getByTestId('letter-customer-number').fill('C-10442');
  const keptAsTyped = async () => {
    await expect(page.getByTestId('letter-kind')).toHaveValue('not-a-complaint');
    await expect(page.getByTestId('letter-sender')).toHaveValue('Margaret Hale');
    await expect(page.getByTestId('letter-email')).toHaveValue('margaret@example.org');
    await expect(page.getByTestId('letter-customer-number')).toHaveValue('C-10442');
    await expect(page.getByTestId('batch-count')).toHaveText('1 letter in this batch');
    await expect(page.getByTestId('batch-list')).toContainText('Acme Supplies');
    await expect(page.getByTestId('undo-last')).toBeEnabled();
  };

  // Ctrl+K away to a case, and back.
  await keyboard.press('Control+K');
  await keyboard.type(known.reference);
  await expect(page.getByTestId('quick-search-hit')).toHaveCount(1);
  await keyboard.press('Enter');
  await expect(page.getByTestId('page-case')).toBeVisible();
  await page.getByTestId('nav-postRoom').click();
  await keptAsTyped();

  // The Outgoing tab, and back.
  await page.getByTestId('post-tab-outgoing').click();
  await expect(page.getByTestId('letter-sender')).toHaveCount(0);
  await page.getByTestId('post-tab-incoming').click();
  await keptAsTyped();

  // A bad e-mail address: focus goes to it, with the reason at the field, and nothing is logged.
  await page.getByTestId('letter-routed-to').fill('Sales');
  await page.getByTestId('letter-summary').fill('Catalogue request');
  await page.getByTestId('letter-email').fill('margaret@');
  await page.getByTestId('letter-summary').click();
  await keyboard.press('Control+Enter');
  await expect(page.getByTestId('letter-email')).toBeFocused();
  await expect(page.getByText('Not a valid e-mail address')).toBeVisible();
  // Several errors: the first in form order has focus (the sender, before the e-mail).
  await page.getByTestId('letter-sender').fill('');
  await page.getByTestId('letter-customer-number').click();
  await keyboard.press('Control+Enter');
  await expect(page.getByTestId('letter-sender')).toBeFocused();
  await expect(page.getByTestId('letter-sender')).toHaveAttribute('aria-invalid', 'true');
  // An error only the main process finds (a date received in the future): focus on that field.
  await page.getByTestId('letter-sender').fill('Margaret Hale');
  await page.getByTestId('letter-email').fill('margaret@example.org');
  const tomorrow = new Date(Date.now() + 2 * 86_400_000);
  await page.getByTestId('letter-received-on').fill(ukDate(tomorrow));
  await page.getByTestId('letter-summary').click();
  await keyboard.press('Control+Enter');
  await expect(page.getByTestId('letter-received-on')).toBeFocused();
  await expect(page.getByTestId('letter-received-on')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('batch-count')).toHaveText('1 letter in this batch');

  // Logged once corrected: the contact details are stored with the letter; Undo still takes back the last.
  await page.getByTestId('letter-received-on').fill(ukDate(new Date()));
  await keyboard.press('Control+Enter');
  await expect(page.getByTestId('batch-count')).toHaveText('2 letters in this batch');
  const letters = await api<{ party: { name: string; email?: string; customerNumber?: string } }[]>(page, 'post.list', {});
  expect(letters.find((letter) => letter.party.name === 'Margaret Hale')?.party).toMatchObject({ email: 'margaret@example.org', customerNumber: 'C-10442' });
  await page.getByTestId('undo-last').click();
  await expect(page.getByTestId('batch-count')).toHaveText('1 letter in this batch');
});
