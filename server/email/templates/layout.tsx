import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from '@react-email/components';
import { type CSSProperties, type ReactNode } from 'react';
import { currentEmailFrame } from './frame-context';

/** Long words (addresses, links, email addresses) break rather than widen the email past a phone's 390 px. */
export const wrapAnywhere: CSSProperties = { overflowWrap: 'anywhere', wordBreak: 'break-word' };

/** 16 px type with 14 px above and below: at least 44 px high, the smallest target a thumb hits reliably. */
export const BUTTON_STYLE: CSSProperties = {
  backgroundColor: '#1f4fd1',
  borderRadius: 6,
  color: '#ffffff',
  display: 'inline-block',
  fontSize: 16,
  fontWeight: 600,
  padding: '14px 24px',
  textDecoration: 'none',
};

const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '16px 0' },
  container: {
    backgroundColor: '#ffffff',
    borderRadius: 8,
    margin: '0 auto',
    maxWidth: 560,
    padding: '20px 20px',
    ...wrapAnywhere,
  },
  brand: { color: '#1f3a5f', fontSize: 18, fontWeight: 700, lineHeight: '24px', margin: 0, paddingLeft: 12 },
  text: { color: '#1c1f24', fontSize: 15, lineHeight: '22px', ...wrapAnywhere },
  footer: { color: '#6b7280', fontSize: 12, lineHeight: '18px', margin: '8px 0', ...wrapAnywhere },
  link: { color: '#1f4fd1', ...wrapAnywhere },
} satisfies Record<string, CSSProperties>;

/**
 * The frame every Countersign email shares: title (the subject), the store's logo and name, the
 * body, an optional button, and a footer naming the seller, its address and why this person gets
 * the email (`reason`, one sentence starting "You receive this because …").
 */
export function EmailLayout(props: {
  preview: string;
  reason: string;
  children: ReactNode;
  action?: { label: string; url: string };
}) {
  const frame = currentEmailFrame();
  return (
    <Html lang="en">
      <Head>
        <title>{frame.subject}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section>
            <Row>
              <Column style={{ width: 40 }}>
                <Img src={frame.logoUrl} width={40} height={40} alt={`${frame.storeName} logo`} />
              </Column>
              <Column>
                <Text style={styles.brand}>{frame.storeName}</Text>
              </Column>
            </Row>
          </Section>
          {props.children}
          {props.action && <Action {...props.action} />}
          <Hr />
          <Text style={styles.footer}>{props.reason}</Text>
          <Text style={styles.footer}>
            {frame.seller.name}
            {frame.seller.address ? ` · ${frame.seller.address}` : ''}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The button, and its address for clients that drop buttons; the text part carries the link once, from the button. */
function Action({ label, url }: { label: string; url: string }) {
  return (
    <Section style={{ margin: '24px 0' }}>
      <Button href={url} style={BUTTON_STYLE}>
        {label}
      </Button>
      <Text style={styles.footer} data-skip-in-text="true">
        Or open this address:{' '}
        <Link href={url} style={styles.link}>
          {url}
        </Link>
      </Text>
    </Section>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** A link in running text that wraps on a narrow screen. */
export function WrappingLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <Link href={href} style={styles.link}>
      {children ?? href}
    </Link>
  );
}
