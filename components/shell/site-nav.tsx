'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Fragment, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { MenuEntry, NavItem } from './navigation';
import styles from './header.module.css';

/** A place kept in the bar itself on every screen (the cart, the authorizations inbox) with its count. */
export type QuickLink = { href: string; label: string; accessibleName: string; icon: ReactNode; count: ReactNode };

const isCurrent = (pathname: string, href: string) =>
  href === '/' || href === '/staff' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);

/**
 * The header's navigation. On a phone: the quick links and a Menu button opening a panel with every
 * page and the account (focus moves in, Escape closes and gives focus back). From 60rem: one row,
 * where each group and the account open as a small menu of their own.
 */
export function SiteNav({
  label,
  entries,
  quickLinks,
  account,
}: {
  label: string;
  entries: MenuEntry[];
  quickLinks: QuickLink[];
  /** What the account group holds: the organization, the switcher, My account, Sign out. */
  account: { title: string; content: ReactNode };
}) {
  const pathname = usePathname();
  const panelId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<HTMLElement>(null);

  // Arriving on another page closes whatever was open. Adjusting state while rendering, as React
  // recommends for "reset when a prop changes", saves an effect and a second paint.
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setMenuOpen(false);
    setOpenGroup(null);
  }

  useEffect(() => {
    if (menuOpen) panelRef.current?.querySelector<HTMLElement>('a[href], button:not([disabled]), select')?.focus();
  }, [menuOpen]);

  useEffect(() => {
    if (!menuOpen && !openGroup) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (openGroup) {
        navRef.current?.querySelector<HTMLElement>(`[data-group-button="${CSS.escape(openGroup)}"]`)?.focus();
        setOpenGroup(null);
      } else {
        setMenuOpen(false);
        toggleRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (navRef.current && !navRef.current.contains(event.target as Node)) {
        setMenuOpen(false);
        setOpenGroup(null);
      }
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [menuOpen, openGroup]);

  const group = (key: string, title: string, content: ReactNode, align?: 'end') => (
    <li className={styles.group} data-open={openGroup === key || undefined} data-align={align}>
      {/* On a phone the panel shows every group open, under its title; the button is the desktop's. */}
      <span className={styles.groupTitle} aria-hidden="true">
        {title}
      </span>
      <button
        type="button"
        className={styles.groupButton}
        data-group-button={key}
        aria-expanded={openGroup === key}
        aria-controls={`${panelId}-${key}`}
        onClick={() => setOpenGroup((open) => (open === key ? null : key))}
      >
        {title}
        <span aria-hidden="true" className={styles.caret} />
      </button>
      <div id={`${panelId}-${key}`} className={styles.groupItems}>
        {content}
      </div>
    </li>
  );

  const links = (items: NavItem[]) => (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            className={styles.link}
            aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <nav ref={navRef} className={styles.nav} aria-label={label}>
      {quickLinks.length > 0 && (
        <ul className={styles.quick}>
          {quickLinks.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className={styles.quickLink}
                aria-label={link.accessibleName}
                aria-current={isCurrent(pathname, link.href) ? 'page' : undefined}
              >
                {link.icon}
                <span className={styles.quickLabel}>{link.label}</span>
                {/* The space keeps what is shown ("Cart 2") a part of the name read out ("Cart, 2 items"). */}{' '}
                {link.count}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <button
        ref={toggleRef}
        type="button"
        className={styles.toggle}
        aria-expanded={menuOpen}
        aria-controls={panelId}
        onClick={() => setMenuOpen((open) => !open)}
      >
        <span aria-hidden="true" className={styles.burger} />
        <span className={styles.toggleLabel}>Menu</span>
      </button>
      <div ref={panelRef} id={panelId} className={styles.panel} data-open={menuOpen || undefined}>
        <ul className={styles.entries}>
          {entries.map((entry) =>
            'group' in entry ? (
              <Fragment key={entry.group}>{group(entry.group, entry.group, links(entry.items))}</Fragment>
            ) : (
              <li key={entry.href}>
                <Link
                  href={entry.href}
                  className={styles.link}
                  aria-current={isCurrent(pathname, entry.href) ? 'page' : undefined}
                >
                  {entry.label}
                </Link>
              </li>
            ),
          )}
        </ul>
        <ul className={styles.accountEntries}>{group('account', account.title, account.content, 'end')}</ul>
      </div>
    </nav>
  );
}
