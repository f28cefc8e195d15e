import { Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import type { BudgetView } from '@/server/domain/approvals/budget';
import { wrapAnywhere } from './layout';

const styles = {
  box: { border: '1px solid #e3e6ea', borderRadius: 8, margin: '16px 0', padding: '4px 14px' },
  heading: { color: '#1c1f24', fontSize: 15, fontWeight: 700, lineHeight: '22px', margin: '10px 0 4px' },
  text: { color: '#1c1f24', fontSize: 14, lineHeight: '20px', margin: '2px 0 6px', ...wrapAnywhere },
  over: { color: '#b42318', fontSize: 14, fontWeight: 700, lineHeight: '20px', margin: '2px 0 6px', ...wrapAnywhere },
} satisfies Record<string, CSSProperties>;

/**
 * The requester's budget in words (email clients draw bars badly; the words carry every fact), as
 * built for this recipient: amounts only if they may see prices.
 */
export function BudgetBlock({ budget }: { budget?: BudgetView }) {
  if (!budget) return null;
  return (
    <Section style={styles.box}>
      <Text style={styles.heading}>Budget</Text>
      {budget.lines.map((line, index) => (
        <Text key={index} style={line.over ? styles.over : styles.text}>
          {line.words}
        </Text>
      ))}
      {budget.noLimit && <Text style={styles.text}>{budget.noLimit}</Text>}
    </Section>
  );
}
