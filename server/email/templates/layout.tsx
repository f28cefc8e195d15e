import { Body, Button, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', borderRadius: 8, margin: '0 auto', maxWidth: 560, padding: '24px 28px' },
  brand: { color: '#1f3a5f', fontSize: 18, fontWeight: 700, margin: '0 0 16px' },
  text: { color: '#1c1f24', fontSize: 15, lineHeight: '22px' },
  button: {
    backgroundColor: '#1f4fd1',
    borderRadius: 6,
    color: '#ffffff',
    display: 'inline-block',
    fontSize: 15,
    padding: '12px 20px',
    textDecoration: 'none',
  },
  footer: { color: '#6b7280', fontSize: 12, lineHeight: '18px' },
};

/** The frame every Countersign email shares: brand line, body, optional action, footer. */
export function EmailLayout(props: { preview: string; children: ReactNode; action?: { label: string; url: string } }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Countersign</Text>
          {props.children}
          {props.action && (
            <Section style={{ margin: '24px 0' }}>
              <Button href={props.action.url} style={styles.button}>
                {props.action.label}
              </Button>
              <Text style={styles.footer}>Or open this address: {props.action.url}</Text>
            </Section>
          )}
          <Hr />
          <Text style={styles.footer}>You receive this email because of your Countersign account.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}
