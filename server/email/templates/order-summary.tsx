import { Column, Img, Row, Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import { wrapAnywhere } from './layout';

/**
 * An order as one recipient may see it, built by `orderEmailSummary` when the email is queued:
 * amounts only for a recipient who may see prices, times already in the recipient's zone.
 */
export type OrderSummary = {
  orderNumber: string;
  organizationName: string;
  requesterName: string;
  submittedAt: string;
  poNumber?: string;
  shipTo: string[];
  shippingMethod: string;
  lines: { name: string; sku: string; quantity: number; unit: string; amount?: string; thumbnailUrl?: string }[];
  /** Lines not listed (only the first few are). */
  moreLines: number;
  totals?: { subtotal: string; shipping: string; total: string };
  steps: {
    label: string;
    outcome: 'approved' | 'declined' | 'pending' | 'waiting';
    by?: string;
    at?: string;
    feedback?: string;
  }[];
  note?: string;
};

const styles = {
  box: { border: '1px solid #e3e6ea', borderRadius: 8, margin: '16px 0', padding: '4px 14px' },
  heading: { color: '#1c1f24', fontSize: 15, fontWeight: 700, lineHeight: '22px', margin: '10px 0 4px' },
  text: { color: '#1c1f24', fontSize: 14, lineHeight: '20px', margin: '2px 0', ...wrapAnywhere },
  muted: { color: '#5b6470', fontSize: 13, lineHeight: '18px', margin: '2px 0', ...wrapAnywhere },
  amount: {
    color: '#1c1f24',
    fontSize: 14,
    lineHeight: '20px',
    margin: '2px 0',
    textAlign: 'right',
    whiteSpace: 'nowrap',
  },
  total: { color: '#1c1f24', fontSize: 15, fontWeight: 700, lineHeight: '22px', margin: '4px 0', textAlign: 'right' },
  line: { borderTop: '1px solid #eef0f3', padding: '8px 0' },
} satisfies Record<string, CSSProperties>;

const OUTCOME_WORDS = {
  approved: 'Approved',
  declined: 'Declined',
  pending: 'Waiting for a decision',
  waiting: 'Next',
};

/** The block every email about an order carries: who, what, where to, for how much, and its approvals so far. */
export function OrderSummaryBlock({ summary }: { summary?: OrderSummary }) {
  // Emails queued before summaries existed carry none; they still go out, without the block.
  if (!summary) return null;
  return (
    <Section style={styles.box}>
      <Text style={styles.heading}>Order {summary.orderNumber}</Text>
      <Text style={styles.text}>
        Requested by {summary.requesterName} ({summary.organizationName}) on {summary.submittedAt}
      </Text>
      {summary.poNumber && <Text style={styles.text}>PO number: {summary.poNumber}</Text>}
      <Text style={styles.heading}>Ship to</Text>
      {summary.shipTo.map((line, index) => (
        <Text key={index} style={styles.text}>
          {line}
        </Text>
      ))}
      <Text style={styles.muted}>{summary.shippingMethod}</Text>
      <Text style={styles.heading}>Items</Text>
      {summary.lines.map((line) => (
        <Row key={line.sku} style={styles.line}>
          <Column style={{ width: 56, verticalAlign: 'top' }}>
            {line.thumbnailUrl && (
              <Img src={line.thumbnailUrl} width={48} height={48} alt="" style={{ borderRadius: 4 }} />
            )}
          </Column>
          <Column style={{ verticalAlign: 'top' }}>
            <Text style={styles.text}>{line.name}</Text>
            <Text style={styles.muted}>
              SKU {line.sku} · {line.quantity} {line.unit}
            </Text>
          </Column>
          {line.amount && (
            <Column style={{ width: 96, verticalAlign: 'top' }}>
              <Text style={styles.amount}>{line.amount}</Text>
            </Column>
          )}
        </Row>
      ))}
      {summary.moreLines > 0 && (
        <Text
          style={styles.muted}
        >{`and ${summary.moreLines} more ${summary.moreLines === 1 ? 'line' : 'lines'}`}</Text>
      )}
      {summary.totals && (
        <Section style={styles.line}>
          <Text style={styles.amount}>Subtotal {summary.totals.subtotal}</Text>
          <Text style={styles.amount}>Shipping {summary.totals.shipping}</Text>
          <Text style={styles.total}>Total {summary.totals.total}</Text>
        </Section>
      )}
      {summary.note && (
        <>
          <Text style={styles.heading}>Note from {summary.requesterName}</Text>
          <Text style={styles.text}>“{summary.note}”</Text>
        </>
      )}
      {summary.steps.length > 0 && <Text style={styles.heading}>Approvals</Text>}
      {summary.steps.map((step, index) => (
        <Section key={index} style={{ margin: '0 0 6px' }}>
          <Text style={styles.text}>
            {step.label}: {OUTCOME_WORDS[step.outcome]}
            {step.by ? ` by ${step.by}` : ''}
            {step.at ? `, ${step.at}` : ''}
          </Text>
          {step.feedback && <Text style={styles.muted}>Feedback: “{step.feedback}”</Text>}
        </Section>
      ))}
    </Section>
  );
}
