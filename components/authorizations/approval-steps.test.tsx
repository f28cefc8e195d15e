import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApprovalSteps, type ApprovalStepView } from './approval-steps';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&quot;/g, '"')
    .trim();

const step = (overrides: Partial<ApprovalStepView>): ApprovalStepView => ({
  id: overrides.label ?? 'step',
  tier: 1,
  label: 'Purchasing',
  status: 'pending',
  escalated: null,
  authorizers: [],
  decidedBy: null,
  onBehalfOf: null,
  decidedAt: null,
  feedback: null,
  ...overrides,
});

describe('the approval steps of an order', () => {
  it('shows who decided, on whose behalf, when and why, and who may still decide', () => {
    const html = renderToStaticMarkup(
      <ApprovalSteps
        timeZone="UTC"
        steps={[
          step({
            label: 'Purchasing',
            status: 'approved',
            decidedBy: 'Dana Delegate',
            onBehalfOf: 'Carol Controller',
            decidedAt: new Date('2026-11-23T10:42:00Z'),
            feedback: 'Fine for Q4.',
          }),
          step({
            label: 'Finance',
            tier: 2,
            status: 'pending',
            authorizers: [
              { name: 'Fay Finance', onBehalfOf: null, isYou: true },
              { name: 'Dana Delegate', onBehalfOf: 'Frank Finance' },
            ],
          }),
        ]}
      />,
    );
    expect(html).toContain('aria-label="Approval steps"');
    const words = text(html);
    expect(words).toContain(
      '1. Purchasing Approved Approved by Dana Delegate on behalf of Carol Controller · Nov 23, 2026, 10:42 AM UTC “Fine for Q4.”',
    );
    expect(words).toContain(
      '2. Finance Waiting for a decision Any one of: Fay Finance (you), Dana Delegate on behalf of Frank Finance',
    );
  });

  it('marks the viewer’s own decision, a later tier still waiting, and a step sent to the account managers', () => {
    const words = text(
      renderToStaticMarkup(
        <ApprovalSteps
          timeZone="UTC"
          steps={[
            step({
              label: 'Budget',
              status: 'declined',
              decidedBy: 'Ann Approver',
              decidedByYou: true,
              decidedAt: new Date('2026-11-23T09:05:00Z'),
              feedback: 'Split it.',
            }),
            step({
              label: 'Large orders',
              status: 'waiting',
              escalated: 'self',
              authorizers: [{ name: 'Max Manager', onBehalfOf: null }],
            }),
          ]}
        />,
      ),
    );
    expect(words).toContain('Declined by Ann Approver (you) · Nov 23, 2026, 9:05 AM UTC “Split it.”');
    expect(words).toContain('Large orders Waiting for an earlier approval Any one of: Max Manager');
    expect(words).toContain('Offered to the account managers: the requester was its only authorizer');
    expect(words).not.toMatch(/\d\. /);
  });

  it('says so when the order needed no approval', () => {
    expect(text(renderToStaticMarkup(<ApprovalSteps steps={[]} timeZone="UTC" />))).toBe(
      'This order needed no approval.',
    );
  });
});
