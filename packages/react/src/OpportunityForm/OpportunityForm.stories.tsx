import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { BY_STATUS, FIXTURE_NOW, LONG_NAME } from '../fixtures/opportunities.js';
import { LONG_PRODUCTS, LONG_RESELLERS, PRODUCTS, RESELLERS } from '../fixtures/partners.js';
import { PHONE, WithOpener } from '../fixtures/storyFrames.js';
import { OPPORTUNITY_FORM_STRINGS_DE } from '../i18n/de.js';
import { OpportunityForm } from './OpportunityForm.js';

const meta = {
  title: 'Components/OpportunityForm',
  component: OpportunityForm,
  args: {
    now: FIXTURE_NOW,
    products: PRODUCTS,
    resellers: RESELLERS,
    onSubmit: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof OpportunityForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Create, empty. */
export const Create: Story = {};

/** The products and resellers are still loading. */
export const LoadingChoices: Story = { args: { products: [], resellers: [], itemsLoading: true } };

/** The lists could not be loaded. */
export const ChoicesFailed: Story = {
  args: {
    products: [],
    resellers: [],
    itemsError: 'The lists could not be loaded: network error.',
  },
};

/** An empty submit: every problem at once, in words, the first invalid field focused. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Create opportunity' }));
    const summary = canvas.getByRole('alert', { name: 'Fix 5 problems to continue' });
    await expect(summary).toHaveTextContent('Enter a name');
    await expect(summary).toHaveTextContent('Choose at least one product');
    await expect(summary).toHaveTextContent('Choose at least one reseller');
    await expect(summary).toHaveTextContent('Enter a discount');
    await expect(canvas.getByRole('textbox', { name: 'Opportunity name' })).toHaveFocus();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Fill in every field and submit: the API input goes to onSubmit. */
export const FillAndSubmit: Story = {
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    await step('fill in', async () => {
      await userEvent.type(canvas.getByRole('textbox', { name: 'Opportunity name' }), 'Spring');
      await userEvent.click(canvas.getByRole('checkbox', { name: PRODUCTS[0]?.name }));
      await userEvent.click(canvas.getByRole('checkbox', { name: 'Select all resellers' }));
      await userEvent.type(canvas.getByRole('textbox', { name: 'Discount (%)' }), '12.5');
      await userEvent.type(canvas.getByLabelText('End date'), '2026-12-31');
      await expect(canvas.getByRole('status')).toHaveTextContent(
        '1 product × 2 resellers: 2 opportunities will be created.',
      );
    });
    await step('submit', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Create 2 opportunities' }));
      await expect(args.onSubmit).toHaveBeenCalledWith({
        kind: 'create',
        input: expect.objectContaining({
          name: 'Spring',
          discount: { type: 'percentage', percent: 12.5 },
          endDate: '2026-12-31',
        }),
      });
    });
  },
};

/** Errors clear as the fields are fixed. */
export const FixErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Create opportunity' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Opportunity name' }), 'Spring');
    await expect(canvas.getByRole('alert', { name: 'Fix 4 problems to continue' })).toBeVisible();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Discount (%)' }), '150');
    await expect(canvas.getByRole('alert', { name: /Fix 4/ })).toHaveTextContent(
      'Discount must be between 0.01% and 100%',
    );
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Discount (%)' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Discount (%)' }), '15');
    await expect(canvas.getByRole('alert', { name: 'Fix 3 problems to continue' })).toBeVisible();
  },
};

/** The server refused: its issues on the same fields, and a failure no field explains. */
export const ServerError: Story = {
  args: {
    issues: [
      { field: 'resellerIds.1', code: 'not_partner' },
      { field: 'endDate', code: 'date_in_past', params: { today: '2026-06-15' } },
    ],
  },
};

/** The request failed as a whole. */
export const RequestFailed: Story = {
  args: { error: 'The server could not be reached. Try again.' },
};

/** Saving: the submit button says so and does not send twice. */
export const Submitting: Story = { args: { submitting: true } };

/** Clone: product, reseller and duration type stay; the count is one. */
export const Clone: Story = {
  args: { source: BY_STATUS.active },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radio', { name: /Single use/ })).toBeDisabled();
    await expect(canvas.getByRole('status')).toHaveTextContent('1 opportunity will be created');
  },
};

/** Long names wrap instead of widening the form. */
export const LongNames: Story = {
  args: {
    products: LONG_PRODUCTS,
    resellers: LONG_RESELLERS,
    defaultValue: {
      name: LONG_NAME.slice(0, 100),
      description: '',
      productIds: [],
      resellerIds: [],
      discount: '',
      duration: { durationType: 'no-set-duration', endDate: null },
    },
  },
};

export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: ValidationErrors.play,
};

/** German: labels, counts and validation messages. */
export const German: Story = {
  args: { i18nStrings: OPPORTUNITY_FORM_STRINGS_DE, locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Verkaufschance erstellen' }));
    await expect(
      canvas.getByRole('alert', { name: 'Beheben Sie 5 Probleme, um fortzufahren' }),
    ).toHaveTextContent('Wählen Sie mindestens ein Produkt');
    await expect(canvas.getByRole('textbox', { name: 'Name der Verkaufschance' })).toHaveFocus();
  },
};

export const RightToLeft: Story = { parameters: { dir: 'rtl' }, play: ValidationErrors.play };

/** In its dialog on a phone: full screen, the actions stay at the bottom; Cancel returns focus. */
export const PhoneDialog: Story = {
  ...PHONE,
  render: (args) => (
    <WithOpener label="Create opportunity" header="Create opportunity" size="large">
      {(close) => <OpportunityForm {...args} onCancel={close} />}
    </WithOpener>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole('button', { name: 'Create opportunity' });
    await userEvent.click(opener);
    const dialog = canvas.getByRole('dialog', { name: 'Create opportunity' });
    await expect(within(dialog).getByRole('button', { name: 'Create opportunity' })).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await expect(opener).toHaveFocus();
  },
};

/** In its dialog: open, submit empty, then Escape: focus returns to the opener. */
export const InDialog: Story = {
  render: PhoneDialog.render,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole('button', { name: 'Create opportunity' });
    await userEvent.click(opener);
    const dialog = canvas.getByRole('dialog', { name: 'Create opportunity' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create opportunity' }));
    await expect(within(dialog).getByRole('textbox', { name: 'Opportunity name' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await expect(opener).toHaveFocus();
  },
};
